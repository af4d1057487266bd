"use client";

import { useEffect, useState } from "react";
import { useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { profileForm, selfServiceForm, type ProfileFormInput } from "@/lib/profile/schema";
import { FIX_FIELDS, type ProfileFormState, type ProfileFormValues } from "@/lib/http/form-state";
import { Alert } from "./ui/alert";
import { InputField } from "./ui/field";
import { autofill, ProfileFields } from "./profile-fields";
import { SubmitButton } from "./ui/submit-button";
import { ConflictPanel } from "./conflict-panel";
import { useActionForm } from "./use-action-form";
import { useSay } from "./ui/use-say";

type FormAction = (state: ProfileFormState, formData: FormData) => Promise<ProfileFormState>;

const IDLE: ProfileFormState = { status: "idle" };

const isSaved = (state: ProfileFormState) => state.status === "saved" || state.status === "unchanged";
/** The version the form compares against: the last save, else what the page was loaded with. */
const baselineOf = (state: ProfileFormState, initial: ProfileFormValues) => (isSaved(state) ? state.saved : undefined) ?? initial;
// Form values are text as inputs hold it; the schema narrows them (gender to its enum) on parse.
const asInput = (values: ProfileFormValues) => values as ProfileFormInput;

export interface ProfileFormProps {
  action: FormAction;
  initial: ProfileFormValues;
  sequence: number;
  readOnly?: boolean;
  /** One's own profile: changing the email asks for the current password, and the browser may autofill. */
  confirmEmailChange?: boolean;
  /** Where "use the saved version" goes without JavaScript: this page, freshly loaded. */
  reloadHref: string;
}

/**
 * The one profile form, for /profile and the admin pages. Validates as people type with the same
 * Zod schema the server uses, and posts to a server action, so it also works without JavaScript.
 */
export function ProfileForm({ action, initial, sequence, readOnly = false, confirmEmailChange = false, reloadHref }: ProfileFormProps) {
  const { state, refused, form, formAction, pending, onSubmit, errorOf, formRef } = useActionForm(
    (s: ProfileFormState) => (confirmEmailChange ? selfServiceForm(baselineOf(s, initial).email) : profileForm),
    action,
    { initialState: IDLE, defaultValues: (s: ProfileFormState) => asInput((isSaved(s) ? s.saved : s.values) ?? initial) },
  );
  const t = useTranslations("profile.form");
  const field = useTranslations("fields");
  const say = useSay();
  const [dismissed, setDismissed] = useState<ProfileFormState | null>(null);
  const { register, reset } = form;
  const baseline = baselineOf(state, initial);
  const shown = (isSaved(state) ? state.saved : state.values) ?? initial;

  useEffect(() => {
    if (isSaved(state) && state.saved) reset(asInput(state.saved));
  }, [state, reset]);

  const emailChanged = useWatch({ control: form.control, name: "email" }) !== baseline.email;
  const showConflict = state.status === "conflict" && dismissed !== state && state.saved && state.values;

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" aria-label={t("label")}>
      <input type="hidden" name="sequence" value={state.sequence ?? sequence} />
      <div aria-live="polite" className="empty:hidden">
        {refused ? (
          <Alert tone="error">{say(FIX_FIELDS)}</Alert>
        ) : (
          state.message && state.status !== "conflict" && <Alert tone={isSaved(state) ? "success" : "error"}>{say(state.message)}</Alert>
        )}
      </div>
      {readOnly && <Alert tone="info">{t("readOnly")}</Alert>}
      {showConflict && (
        <ConflictPanel
          mine={state.values!}
          saved={state.saved!}
          savedAt={state.savedAt}
          reloadHref={reloadHref}
          onUseSaved={() => {
            reset(asInput(state.saved!));
            setDismissed(state);
          }}
        />
      )}
      <fieldset disabled={readOnly} className="space-y-6">
        <legend className="sr-only">{t("label")}</legend>
        <ProfileFields register={register} errorOf={errorOf} defaults={shown} own={confirmEmailChange} />
        <div className="grid grid-cols-1 gap-5 border-t border-slate-200 pt-6 sm:grid-cols-2">
          <InputField
            {...register("email")}
            label={field("email")}
            hint={t("emailHint")}
            error={errorOf("email")}
            type="email"
            dir="auto"
            required
            defaultValue={shown.email}
            autoComplete={autofill(confirmEmailChange, "email")}
          />
          {confirmEmailChange && (emailChanged || errorOf("currentPassword")) && (
            <InputField
              {...register("currentPassword")}
              label={t("currentPassword")}
              hint={t("currentPasswordHint")}
              error={errorOf("currentPassword")}
              type="password"
              autoComplete="current-password"
            />
          )}
        </div>
      </fieldset>
      {!readOnly && (
        <div className="flex items-center gap-3 border-t border-slate-200 pt-6">
          <SubmitButton pending={pending} pendingLabel={t("saving")}>
            {showConflict ? t("saveMine") : t("saveChanges")}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
