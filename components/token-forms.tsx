"use client";

import { useActionState } from "react";
import { TOKEN_LIFETIMES, tokenForm } from "@/lib/profile/schema";
import { IDLE_ACTION, type ActionState } from "@/lib/http/form-state";
import type { TokenView } from "@/lib/auth/tokens";
import { Time } from "./ui/time";
import { ActionResult } from "./ui/action-result";
import { InputField, SelectField } from "./ui/field";
import { OneTimeSecret } from "./ui/one-time-secret";
import { SubmitButton } from "./ui/submit-button";
import { confirmBeforeSubmit, useConfirm } from "./ui/confirm";
import { useActionForm } from "./use-action-form";
import { ScrollBox } from "./ui/scroll-box";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
const NAME_HINT = "What uses it, e.g. “HR sync” or “terraform”.";

export function CreateTokenForm({ action }: { action: Action }) {
  const { state, refused, form, formAction, pending, onSubmit, errorOf, formRef } = useActionForm(tokenForm, action, {
    initialState: IDLE_ACTION,
    defaultValues: (s: ActionState) => ({
      name: s.status === "error" ? (s.values?.name ?? "") : "",
      expiresInDays: ((s.status === "error" ? s.values?.expiresInDays : undefined) ?? "90") as (typeof TOKEN_LIFETIMES)[number],
    }),
  });
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <ActionResult state={state} refused={refused} />
      {state.secret && <OneTimeSecret label="New token" value={state.secret} />}
      <div className="max-w-md space-y-3">
        <InputField {...form.register("name")} label="Token name" hint={NAME_HINT} error={errorOf("name")} maxLength={100}
          defaultValue={kept?.name ?? ""} autoComplete="off" required />
        <SelectField {...form.register("expiresInDays")} label="Expires" error={errorOf("expiresInDays")} defaultValue={kept?.expiresInDays ?? "90"}>
          {TOKEN_LIFETIMES.map((days) => (
            <option key={days} value={days}>{days ? `In ${days} days` : "Never"}</option>
          ))}
        </SelectField>
        <SubmitButton pending={pending} pendingLabel="Creating…">Create token</SubmitButton>
      </div>
    </form>
  );
}

const when = (d: Date | null) => (d ? <Time value={d} /> : "never");

function RevokeButton({ action, name }: { action: Action; name: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE_ACTION);
  const { ask, dialog } = useConfirm({
    title: `Revoke the token “${name}”?`,
    body: "Programs using it are refused from their next request. This cannot be undone.",
    action: "Revoke token",
  });
  return (
    <form action={formAction} onSubmit={confirmBeforeSubmit(ask, formAction)}>
      <button type="submit" disabled={pending} aria-label={`Revoke ${name}`}
        className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60">
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state.status === "error" && <p className="mt-1 text-sm text-red-700">{state.message}</p>}
      {dialog}
    </form>
  );
}

/** A user's tokens; each live one comes with its bound revoke action. */
export function TokenList({ tokens }: { tokens: (TokenView & { revoke: Action })[] }) {
  if (tokens.length === 0) return <p className="text-sm text-slate-600">No tokens yet.</p>;
  return (
    <ScrollBox label="Token list" className="rounded-lg border border-slate-200">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Name</th>
            <th scope="col" className="px-3 py-2 font-medium">Created</th>
            <th scope="col" className="px-3 py-2 font-medium">Last used</th>
            <th scope="col" className="px-3 py-2 font-medium">Expires</th>
            <th scope="col" className="px-3 py-2 font-medium">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tokens.map((t) => (
            <tr key={t.id}>
              <td dir="auto" className="max-w-[14rem] truncate px-3 py-2 font-medium">{t.name}</td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-700">{when(t.createdAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-700">{when(t.lastUsedAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-700">{when(t.expiresAt)}</td>
              <td className="px-3 py-2 text-right">
                {t.revokedAt ? (
                  <span className="text-slate-600">Revoked {when(t.revokedAt)}</span>
                ) : t.expired ? (
                  <span className="text-slate-600">Expired</span>
                ) : (
                  <RevokeButton action={t.revoke} name={t.name} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
