"use client";

import { useActionState, useEffect, useMemo, useState, startTransition } from "react";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { profileForm, selfServiceForm, type ProfileFormInput, type ProfileFormOutput } from "@/lib/profile/schema";
import type { ProfileFormState, ProfileFormValues } from "@/lib/profile/form-state";
import { Alert } from "./ui/alert";
import { Field } from "./ui/field";
import { ProfileFields, controlProps } from "./profile-fields";
import { SubmitButton } from "./ui/submit-button";
import { ConflictPanel } from "./conflict-panel";

type FormAction = (state: ProfileFormState, formData: FormData) => Promise<ProfileFormState>;
type FieldName = keyof ProfileFormValues | "currentPassword";

const EMAIL_HINT = "Used to sign in and for notifications.";
const PASSWORD_HINT = "Needed to change your email.";

// Form values are text as inputs hold it; the schema narrows them (gender to its enum) on parse.
const asInput = (values: ProfileFormValues | undefined) => values as ProfileFormInput | undefined;

export interface ProfileFormProps {
  action: FormAction;
  initial: ProfileFormValues;
  sequence: number;
  readOnly?: boolean;
  /** Self-service: changing one's own email asks for the current password. */
  confirmEmailChange?: boolean;
  /** Where "use the saved version" goes without JavaScript: this page, freshly loaded. */
  reloadHref: string;
}

/**
 * The one profile form, for /profile and the admin pages. Validates as people type with the same
 * Zod schema the server uses, and posts to a server action, so it also works without JavaScript.
 */
export function ProfileForm({ action, initial, sequence, readOnly = false, confirmEmailChange = false, reloadHref }: ProfileFormProps) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const [dismissed, setDismissed] = useState<ProfileFormState | null>(null);

  const saved = state.status === "saved" || state.status === "unchanged";
  const baseline = (saved ? state.saved : undefined) ?? initial;
  const shown = (saved ? state.saved : state.values) ?? initial;
  const version = state.sequence ?? sequence;
  const schema = useMemo(
    () => (confirmEmailChange ? selfServiceForm(baseline.email) : profileForm),
    [confirmEmailChange, baseline.email],
  );
  const serverErrors = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(state.errors ?? {}).map(([field, message]) => [field, { type: "server", message }]),
      ) as FieldErrors<ProfileFormInput>,
    [state.errors],
  );
  const form = useForm<ProfileFormInput, unknown, ProfileFormOutput>({
    resolver: zodResolver(schema),
    defaultValues: asInput(shown),
    errors: serverErrors,
    mode: "onChange",
  });
  const { register, formState, setFocus, reset } = form;

  useEffect(() => {
    if (state.status === "saved" || state.status === "unchanged") reset(asInput(state.saved));
    const first = Object.keys(state.errors ?? {})[0];
    if (first) setFocus(first as FieldName);
  }, [state, reset, setFocus]);

  // Valid input goes to the same server action a form without JavaScript posts to.
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    return form.handleSubmit(() => startTransition(() => formAction(new FormData(element))))(event);
  };

  const errorOf = (name: FieldName) => formState.errors[name]?.message;
  const control = (name: FieldName, hint?: string) => controlProps(name, errorOf(name), hint);
  const emailChanged = useWatch({ control: form.control, name: "email" }) !== baseline.email;
  const showConflict = state.status === "conflict" && dismissed !== state && state.saved && state.values;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Profile">
      <input type="hidden" name="sequence" value={version} />
      <div aria-live="polite" className="empty:hidden">
        {state.message && state.status !== "conflict" && (
          <Alert tone={state.status === "saved" || state.status === "unchanged" ? "success" : "error"}>{state.message}</Alert>
        )}
      </div>
      {readOnly && (
        <Alert tone="info">Profiles are read-only at the moment: the identity service is in read-only mode.</Alert>
      )}
      {showConflict && (
        <ConflictPanel
          mine={state.values!}
          saved={state.saved!}
          savedAt={state.savedAt}
          reloadHref={reloadHref}
          onUseSaved={() => {
            reset(asInput(state.saved));
            setDismissed(state);
          }}
        />
      )}
      <fieldset disabled={readOnly} className="space-y-6">
        <legend className="sr-only">Profile</legend>
        <ProfileFields register={(name) => register(name)} errorOf={errorOf} defaults={shown} />
        <div className="grid gap-5 border-t border-slate-200 pt-6 sm:grid-cols-2">
          <Field id="email" label="Email" hint={EMAIL_HINT} error={errorOf("email")}>
            <input
              {...register("email")}
              {...control("email", EMAIL_HINT)}
              type="email"
              defaultValue={shown.email}
              autoComplete="email"
              aria-required
            />
          </Field>
          {confirmEmailChange && (emailChanged || errorOf("currentPassword")) && (
            <Field id="currentPassword" label="Current password" hint={PASSWORD_HINT} error={errorOf("currentPassword")}>
              <input
                {...register("currentPassword")}
                {...control("currentPassword", PASSWORD_HINT)}
                type="password"
                autoComplete="current-password"
              />
            </Field>
          )}
        </div>
      </fieldset>
      {!readOnly && (
        <div className="flex items-center gap-3 border-t border-slate-200 pt-6">
          <SubmitButton pending={pending} pendingLabel="Saving…">
            {showConflict ? "Save my version" : "Save changes"}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
