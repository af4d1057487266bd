"use server";

import { AuthError } from "next-auth";
import { RetryLater, signIn } from "@/lib/auth";
import { safeReturnPath } from "@/lib/auth/return-path";
import { SIGN_IN_MESSAGES } from "@/lib/http/form-state";

export interface LoginState {
  error?: string;
  username?: string;
}


export async function signInAction(_prev: LoginState, formData: unknown): Promise<LoginState> {
  const field = (name: string) => (formData instanceof FormData ? formData.get(name) : null);
  const username = String(field("username") ?? "").trim().slice(0, 254);
  const password = String(field("password") ?? "");
  if (!username || !password) return { error: SIGN_IN_MESSAGES.missing, username };
  try {
    await signIn("credentials", { username, password, redirectTo: safeReturnPath(field("callbackUrl")) });
    return {};
  } catch (error) {
    // signIn redirects by throwing; only a refused sign-in is answered here, keeping what was typed.
    if (error instanceof RetryLater) return { error: error.reason, username };
    if (error instanceof AuthError) return { error: SIGN_IN_MESSAGES.wrong, username };
    throw error;
  }
}
