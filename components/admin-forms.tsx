"use client";

import { useTranslations } from "next-intl";
import * as z from "zod/mini";
import { MIN_PASSWORD, passwordResetForm, role as roleSchema, ROLES, type Role } from "@/lib/profile/schema";
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
  const [t, fields] = [useTranslations("admin.roleForm"), useTranslations("fields")];
  const { state, refused, form, formAction, pending, onSubmit, errorOf, formRef } = useActionForm(roleForm, action, {
    initialState: IDLE_ACTION,
    defaultValues: (s: ActionState) => ({ role: (s.values?.role as Role | undefined) ?? role }),
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      <ActionResult state={state} refused={refused} />
      <fieldset disabled={disabled} className="max-w-sm space-y-3">
        <SelectField {...form.register("role")} label={fields("role")} error={errorOf("role")} defaultValue={state.values?.role ?? role}>
          {ROLES.filter((r) => grantable.includes(r) || r === role).map((r) => (
            <option key={r} value={r}>{fields(`roles.${r}`)}</option>
          ))}
        </SelectField>
        <SubmitButton pending={pending} pendingLabel={t("saving")} secondary>{t("submit")}</SubmitButton>
      </fieldset>
    </form>
  );
}

/**
 * Sets a password the admin types, or generates one and shows it once; by default the user's API
 * tokens are revoked too. Resetting one's own password asks for the current one.
 */
export function PasswordResetForm({ action, disabled, own }: { action: Action; disabled: boolean; own: boolean }) {
  const t = useTranslations("admin.passwordReset");
  const { ask, dialog } = useConfirm({
    title: own ? t("confirmTitleOwn") : t("confirmTitle"),
    body: own ? t("confirmBodyOwn") : t("confirmBody"),
    action: t("confirmAction"),
  });
  const { state, refused, form, formAction, pending, onSubmit, errorOf, formRef } = useActionForm(passwordResetForm, action, {
    initialState: IDLE_ACTION,
    defaultValues: { password: "", revokeTokens: true, currentPassword: "" },
    confirm: ask,
  });
  const hint = own ? t("hintOwn", { min: MIN_PASSWORD }) : t("hint", { min: MIN_PASSWORD });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      <ActionResult state={state} refused={refused} />
      {state.secret && <OneTimeSecret label={t("generated")} value={state.secret} />}
      <fieldset disabled={disabled} className="max-w-sm space-y-3">
        {own && (
          <InputField {...form.register("currentPassword")} label={t("currentPassword")} error={errorOf("currentPassword")} type="password" autoComplete="current-password" required />
        )}
        <InputField {...form.register("password")} label={t("newPassword")} optional hint={hint} error={errorOf("password")} type="password" autoComplete="new-password" />
        <CheckboxField {...form.register("revokeTokens")} label={t("revokeTokens")} hint={t("revokeTokensHint")} defaultChecked />
        <SubmitButton pending={pending} pendingLabel={t("resetting")} secondary>{t("submit")}</SubmitButton>
      </fieldset>
      {dialog}
    </form>
  );
}
