"use client";

import { useActionState } from "react";
import type { LoginState } from "@/app/login/actions";
import { Alert } from "./ui/alert";
import { SubmitButton } from "./ui/submit-button";
import { inputClass } from "./ui/field";

interface Props {
  action: (state: LoginState, formData: FormData) => Promise<LoginState>;
  callbackUrl: string;
}

export function LoginForm({ action, callbackUrl }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="space-y-1.5">
        <label htmlFor="username" className="block text-sm font-medium text-slate-800">Username or email</label>
        <input
          id="username" name="username" autoComplete="username" required autoFocus
          defaultValue={state.username} className={inputClass(false)}
          aria-describedby={state.error ? "login-error" : undefined}
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass(false)} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Signing in…" className="w-full">Sign in</SubmitButton>
    </form>
  );
}
