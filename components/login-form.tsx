"use client";

import { useActionState, useEffect, useRef } from "react";
import type { LoginState } from "@/app/login/actions";
import { Alert } from "./ui/alert";
import { InputField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

interface Props {
  action: (state: LoginState, formData: FormData) => Promise<LoginState>;
  callbackUrl: string;
  /** A refusal to show from the start (a sign-in posted to Auth.js's endpoint and sent back here). */
  error?: string;
}

export function LoginForm({ action, callbackUrl, error }: Props) {
  const [state, formAction, pending] = useActionState(action, { error });
  const summary = useRef<HTMLDivElement>(null);
  // After a refused sign-in, focus goes to the message that says why.
  useEffect(() => {
    if (state.error) summary.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className="space-y-5" noValidate aria-label="Sign in">
      {state.error && (
        <div ref={summary} tabIndex={-1} className="outline-none">
          <Alert tone="error">{state.error}</Alert>
        </div>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <InputField name="username" label="Username or email" autoComplete="username" autoFocus required defaultValue={state.username} />
      <InputField name="password" label="Password" type="password" autoComplete="current-password" required />
      <SubmitButton pending={pending} pendingLabel="Signing in…" className="w-full">Sign in</SubmitButton>
    </form>
  );
}
