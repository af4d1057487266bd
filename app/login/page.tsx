import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { currentUser } from "@/lib/auth/session";
import { SIGN_IN_MESSAGES } from "@/lib/http/form-state";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  // Auth.js's own endpoint sends refused sign-ins back here with ?error=CredentialsSignin&code=...
  const refused = params.error === "CredentialsSignin" ? (params.code === "retry_later" ? SIGN_IN_MESSAGES.later : SIGN_IN_MESSAGES.wrong) : undefined;
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-xl font-semibold">Sign in</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">Sign in to view and edit your profile.</p>
        <LoginForm action={signInAction} callbackUrl={callbackUrl} error={refused} />
      </div>
    </div>
  );
}
