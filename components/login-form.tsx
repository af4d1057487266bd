"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { LoginState } from "@/app/login/actions";
import { Alert } from "./ui/alert";
import { InputField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";
import { useSay } from "./ui/use-say";

interface Props {
  action: (state: LoginState, formData: FormData) => Promise<LoginState>;
  callbackUrl: string;
  /** A refusal to show from the start (a sign-in posted to Auth.js's endpoint and sent back here): a sentence. */
  error?: string;
}

export function LoginForm({ action, callbackUrl, error }: Props) {
  const t = useTranslations("login.form");
  const say = useSay();
  const [state, formAction, pending] = useActionState(action, { error });
  const summary = useRef<HTMLDivElement>(null);
  // After a refused sign-in, focus goes to the message that says why.
  useEffect(() => {
    if (state.error) summary.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className="space-y-5" noValidate aria-label={t("name")}>
      {state.error && (
        <div ref={summary} tabIndex={-1} className="outline-none">
          <Alert tone="error">{say(state.error)}</Alert>
        </div>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <InputField name="username" label={t("username")} autoComplete="username" autoFocus required defaultValue={state.username} dir="auto" />
      <InputField name="password" label={t("password")} type="password" autoComplete="current-password" required />
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="w-full">{t("submit")}</SubmitButton>
    </form>
  );
}
