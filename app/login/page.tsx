import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/login-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { currentUser } from "@/lib/auth/session";
import { SIGN_IN_MESSAGES } from "@/lib/http/form-state";
import { signInAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

// The language menu is the header's (app/layout.tsx): it shows for people who are not signed in too.
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations("login");
  // Auth.js's own endpoint sends refused sign-ins back here with ?error=CredentialsSignin&code=...
  // The refusal is a sentence: the form words it (components/login-form.tsx).
  const refused = params.error === "CredentialsSignin" ? (params.code === "retry_later" ? SIGN_IN_MESSAGES.later : SIGN_IN_MESSAGES.wrong) : undefined;
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">{t("intro")}</p>
        <LoginForm action={signInAction} callbackUrl={callbackUrl} error={refused} />
      </div>
    </div>
  );
}
