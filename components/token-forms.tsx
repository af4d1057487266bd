"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/profile/form-state";
import type { TokenView } from "@/lib/auth/tokens";
import { Alert } from "./ui/alert";
import { Field, describedBy, inputClass } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type RevokeAction = (state: ActionState) => Promise<ActionState>;
const NAME_HINT = "What uses it, e.g. “HR sync” or “terraform”.";

export function CreateTokenForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const error = state.errors?.name;
  return (
    <form action={formAction} className="space-y-4">
      <div aria-live="polite" className="empty:hidden">
        {state.message && <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert>}
      </div>
      {state.secret && (
        <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm break-all select-all" aria-label="New token">
          {state.secret}
        </p>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <Field id="name" label="Token name" hint={NAME_HINT} error={error}>
            <input id="name" name="name" maxLength={100} required defaultValue={state.status === "error" ? state.values?.name : ""}
              className={inputClass(Boolean(error))} aria-invalid={error ? true : undefined}
              aria-describedby={describedBy("name", { hint: NAME_HINT, error })} />
          </Field>
        </div>
        <SubmitButton pending={pending} pendingLabel="Creating…">Create token</SubmitButton>
      </div>
    </form>
  );
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (d: Date | null) => (d ? `${dateFormat.format(d)} UTC` : "never");

function RevokeButton({ action, name }: { action: RevokeAction; name: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction}>
      <button type="submit" disabled={pending} aria-label={`Revoke ${name}`}
        className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60">
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state.status === "error" && <p className="mt-1 text-sm text-red-700">{state.message}</p>}
    </form>
  );
}

/** A user's tokens; each live one comes with its bound revoke action. */
export function TokenList({ tokens }: { tokens: (TokenView & { revoke: RevokeAction })[] }) {
  if (tokens.length === 0) return <p className="text-sm text-slate-600">No tokens yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Name</th>
            <th scope="col" className="px-3 py-2 font-medium">Created</th>
            <th scope="col" className="px-3 py-2 font-medium">Last used</th>
            <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Status</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tokens.map((t) => (
            <tr key={t.id}>
              <td className="max-w-[14rem] truncate px-3 py-2 font-medium">{t.name}</td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-700">{when(t.createdAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-700">{when(t.lastUsedAt)}</td>
              <td className="px-3 py-2 text-right">
                {t.revokedAt ? <span className="text-slate-600">Revoked {when(t.revokedAt)}</span> : <RevokeButton action={t.revoke} name={t.name} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
