"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { createUserForm, MIN_PASSWORD, type CreateUserInput, type Role } from "@/lib/profile/schema";
import { IDLE_ACTION, type ActionState } from "@/lib/http/form-state";
import { Alert } from "./ui/alert";
import { ActionResult } from "./ui/action-result";
import { InputField, SelectField } from "./ui/field";
import { OneTimeSecret } from "./ui/one-time-secret";
import { SubmitButton } from "./ui/submit-button";
import { ProfileFields } from "./profile-fields";
import { useActionForm } from "./use-action-form";
import { useSay } from "./ui/use-say";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  roles: Role[];
  /** Organisations the admin may create users in; one means no choice. */
  orgs: { id: string; name: string }[];
}

const EMPTY = { username: "", email: "", firstName: "", lastName: "", displayName: "", nickName: "", preferredLanguage: "", gender: "GENDER_UNSPECIFIED", role: "USER", orgId: "", password: "" };

/** Creating a user: the profile fields with the same schema as the profile form, plus the account. */
export function CreateUserForm({ action, roles, orgs }: Props) {
  const [t, fields, say] = [useTranslations("admin.create"), useTranslations("fields"), useSay()];
  const { state, refused, form, formAction, pending, onSubmit, errorOf, formRef } = useActionForm(createUserForm, action, {
    initialState: IDLE_ACTION,
    defaultValues: (s: ActionState) => ({ ...EMPTY, orgId: orgs[0]?.id ?? "", ...s.values }) as CreateUserInput,
  });
  const defaults = { ...EMPTY, orgId: orgs[0]?.id ?? "", ...state.values };
  const { register } = form;

  if (state.status === "ok") {
    return (
      <div className="space-y-4">
        <Alert tone="success">{say(state.message ?? "")}</Alert>
        {state.secret && <OneTimeSecret label={t("initialPassword")} value={state.secret} />}
        <div className="flex flex-wrap gap-3">
          <Link href={state.href!} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">{t("openUser")}</Link>
          <Link href={`/admin/users/new?after=${state.href!.split("/").pop()}`} className="rounded-md border border-slate-400 px-4 py-2 text-sm text-slate-800 hover:bg-slate-100">{t("createAnother")}</Link>
        </div>
      </div>
    );
  }

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" aria-label={t("title")}>
      <ActionResult state={state} refused={refused} />
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <InputField {...register("username")} label={fields("username")} hint={t("usernameHint")} error={errorOf("username")} defaultValue={defaults.username} autoComplete="off" required />
        <InputField {...register("email")} label={fields("email")} error={errorOf("email")} type="email" defaultValue={defaults.email} autoComplete="off" required />
      </div>
      <ProfileFields register={register} errorOf={errorOf} defaults={defaults} own={false} />
      <div className="grid grid-cols-1 gap-5 border-t border-slate-200 pt-6 sm:grid-cols-2">
        <SelectField {...register("role")} label={fields("role")} error={errorOf("role")} defaultValue={defaults.role}>
          {roles.map((r) => <option key={r} value={r}>{fields(`roles.${r}`)}</option>)}
        </SelectField>
        {orgs.length > 1 ? (
          <SelectField {...register("orgId")} label={fields("organisation")} error={errorOf("orgId")} defaultValue={defaults.orgId}>
            {orgs.map((o) => <option key={o.id} value={o.id} dir="auto">{o.name}</option>)}
          </SelectField>
        ) : (
          <input type="hidden" {...register("orgId")} defaultValue={defaults.orgId} />
        )}
        <InputField {...register("password")} label={t("initialPassword")} optional hint={t("passwordHint", { min: MIN_PASSWORD })} error={errorOf("password")} type="password" autoComplete="new-password" />
      </div>
      <div className="border-t border-slate-200 pt-6">
        <SubmitButton pending={pending} pendingLabel={t("creating")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
