"use client";

import { useActionState } from "react";
import { ROLE_LABELS, ROLE_VALUES, MIN_PASSWORD } from "@/lib/profile/schema";
import type { ActionState } from "@/lib/profile/form-state";
import type { Role } from "@/lib/profile/types";
import { Alert } from "./ui/alert";
import { Field, describedBy, inputClass } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

function Result({ state }: { state: ActionState }) {
  return (
    <div aria-live="polite" className="empty:hidden">
      {state.message && <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert>}
    </div>
  );
}

/** The role select: only roles up to the admin's own are offered; the service enforces the same. */
export function RoleForm({ action, role, grantable, disabled }: { action: Action; role: Role; grantable: Role[]; disabled: boolean }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const current = (state.values?.role as Role | undefined) ?? role;
  const error = state.errors?.role;
  return (
    <form action={formAction} className="space-y-3">
      <Result state={state} />
      <fieldset disabled={disabled} className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <Field id="role" label="Role" error={error}>
            <select id="role" name="role" defaultValue={current} className={inputClass(Boolean(error))} aria-invalid={error ? true : undefined} aria-describedby={describedBy("role", { error })}>
              {ROLE_VALUES.filter((r) => grantable.includes(r) || r === role).map((r) => (
                <option key={r} value={r}>{ROLE_LABELS[r]}</option>
              ))}
            </select>
          </Field>
        </div>
        <SubmitButton pending={pending} pendingLabel="Saving…">Change role</SubmitButton>
      </fieldset>
    </form>
  );
}

/** Sets a password the admin types, or generates one and shows it once. */
export function PasswordResetForm({ action, disabled }: { action: Action; disabled: boolean }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const error = state.errors?.password;
  const hint = `Leave empty to generate one. At least ${MIN_PASSWORD} characters.`;
  return (
    <form action={formAction} className="space-y-3">
      <Result state={state} />
      {state.secret && (
        <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-base select-all" aria-label="Generated password">
          {state.secret}
        </p>
      )}
      <fieldset disabled={disabled} className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <Field id="password" label="New password" optional hint={hint} error={error}>
            <input id="password" name="password" type="password" autoComplete="new-password" className={inputClass(Boolean(error))}
              aria-invalid={error ? true : undefined} aria-describedby={describedBy("password", { hint, error })} />
          </Field>
        </div>
        <SubmitButton pending={pending} pendingLabel="Resetting…">Reset password</SubmitButton>
      </fieldset>
    </form>
  );
}
