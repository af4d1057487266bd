"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { safeReturnPath } from "@/lib/auth/return-path";

export interface LoginState {
  error?: string;
  username?: string;
}

const WRONG = "The username or password is not correct.";

export async function signInAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const username = String(formData.get("username") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!username || !password) return { error: "Enter your username or email and your password.", username };
  try {
    await signIn("credentials", { username, password, redirectTo: safeReturnPath(formData.get("callbackUrl")) });
    return {};
  } catch (error) {
    // signIn redirects by throwing; only a refused sign-in is answered here.
    if (error instanceof AuthError) return { error: WRONG, username };
    throw error;
  }
}
