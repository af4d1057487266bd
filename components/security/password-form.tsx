"use client";

import { useTranslations } from "next-intl";
import { MIN_PASSWORD, passwordChangeForm } from "@/lib/profile/schema";
import { IDLE_ACTION, type ActionState } from "@/lib/http/form-state";
import { ActionResult } from "../ui/action-result";
import { InputField } from "../ui/field";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../use-action-form";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** Changing one's own password: the current one, then the new one twice. */
export function PasswordForm({ action, username }: { action: Action; username: string }) {
  const t = useTranslations("security.password");
  const { state, refused, form, formAction, pending, onSubmit, errorOf, formRef } = useActionForm(passwordChangeForm, action, {
    initialState: IDLE_ACTION,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="max-w-md space-y-4" aria-label={t("form")}>
      <ActionResult state={state} refused={refused} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <InputField {...form.register("currentPassword")} label={t("current")} error={errorOf("currentPassword")} type="password" autoComplete="current-password" required />
      <InputField {...form.register("newPassword")} label={t("new")} hint={t("newHint", { min: MIN_PASSWORD })} error={errorOf("newPassword")} type="password" autoComplete="new-password" required />
      <InputField {...form.register("confirmPassword")} label={t("confirm")} error={errorOf("confirmPassword")} type="password" autoComplete="new-password" required />
      <SubmitButton pending={pending} pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
