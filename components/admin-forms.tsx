"use client";

import { z } from "zod";
import { MIN_PASSWORD, passwordResetForm, role as roleSchema, ROLE_LABELS, ROLES, type Role } from "@/lib/profile/schema";
import { IDLE_ACTION, type ActionState } from "@/lib/http/form-state";
import { ActionResult } from "./ui/action-result";
import { CheckboxField, InputField, SelectField } from "./ui/field";
import { OneTimeSecret } from "./ui/one-time-secret";
import { SubmitButton } from "./ui/submit-button";
import { useConfirm } from "./ui/confirm";
import { useActionForm } from "./use-action-form";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
const roleForm = z.object({ role: roleSchema });


/** The role select: only roles up to the admin's own are offered; the service enforces the same. */
export function RoleForm({ action, role, grantable, disabled }: { action: Action; role: Role; grantable: Role[]; disabled: boolean }) {
  const { state, refused, form, formAction, pending, onSubmit, errorOf, formRef } = useActionForm(roleForm, action, {
    initialState: IDLE_ACTION,
    defaultValues: (s: ActionState) => ({ role: (s.values?.role as Role | undefined) ?? role }),
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      <ActionResult state={state} refused={refused} />
      <fieldset disabled={disabled} className="max-w-sm space-y-3">
        <SelectField {...form.register("role")} label="Role" error={errorOf("role")} defaultValue={state.values?.role ?? role}>
          {ROLES.filter((r) => grantable.includes(r) || r === role).map((r) => (
            <option key={r} value={r}>{ROLE_LABELS[r]}</option>
          ))}
        </SelectField>
        <SubmitButton pending={pending} pendingLabel="Saving…" secondary>Change role</SubmitButton>
      </fieldset>
    </form>
  );
}

/**
 * Sets a password the admin types, or generates one and shows it once; by default the user's API
 * tokens are revoked too. Resetting one's own password asks for the current one.
 */
export function PasswordResetForm({ action, disabled, own }: { action: Action; disabled: boolean; own: boolean }) {
  const { ask, dialog } = useConfirm({
    title: own ? "Reset your password?" : "Reset this user's password?",
    body: own
      ? "Your other sessions end; the tokens box decides whether your API tokens keep working."
      : "Their sessions end at once and they choose a new password at their next sign-in; the tokens box decides whether their API tokens keep working.",
    action: "Reset password",
  });
  const { state, refused, form, formAction, pending, onSubmit, errorOf, formRef } = useActionForm(passwordResetForm, action, {
    initialState: IDLE_ACTION,
    defaultValues: { password: "", revokeTokens: true, currentPassword: "" },
    confirm: ask,
  });
  const hint = own
    ? `Leave empty to generate one. At least ${MIN_PASSWORD} characters.`
    : `Leave empty to generate one. At least ${MIN_PASSWORD} characters. They choose their own at next sign-in.`;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      <ActionResult state={state} refused={refused} />
      {state.secret && <OneTimeSecret label="Generated password" value={state.secret} />}
      <fieldset disabled={disabled} className="max-w-sm space-y-3">
        {own && (
          <InputField {...form.register("currentPassword")} label="Your current password" error={errorOf("currentPassword")} type="password" autoComplete="current-password" required />
        )}
        <InputField {...form.register("password")} label="New password" optional hint={hint} error={errorOf("password")} type="password" autoComplete="new-password" />
        <CheckboxField {...form.register("revokeTokens")} label="Also revoke their API tokens" hint="Programs using them stop working until new tokens are made." defaultChecked />
        <SubmitButton pending={pending} pendingLabel="Resetting…" secondary>Reset password</SubmitButton>
      </fieldset>
      {dialog}
    </form>
  );
}
