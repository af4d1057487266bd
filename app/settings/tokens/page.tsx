import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateTokenForm, TokenList } from "@/components/token-forms";
import { requireUser } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/auth/tokens";
import { createTokenAction, revokeTokenAction } from "@/app/_actions/tokens";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tokens");
  return { title: t("title") };
}

export default async function TokensPage() {
  const user = await requireUser("/settings/tokens");
  const [tokens, t] = await Promise.all([listApiTokens(user, user.id), getTranslations("tokens")]);
  return (
    <div className="max-w-3xl space-y-8">
      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">
          {t.rich("intro", {
            // Header and credentials as a program sends them: code, the same in every language.
            bearer: "Authorization: Bearer <token>",
            basic: `${user.username}:<token>`,
            code: (chunks) => <code dir="ltr">{chunks}</code>,
            link: (chunks) => <Link href="/docs" className="text-indigo-700 underline">{chunks}</Link>,
          })}
        </p>
        <CreateTokenForm action={createTokenAction} />
      </section>
      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title" className="mb-3 text-base font-semibold">{t("yours")}</h2>
        <TokenList tokens={tokens.map((token) => ({ ...token, revoke: revokeTokenAction.bind(null, token.id) }))} />
      </section>
    </div>
  );
}
