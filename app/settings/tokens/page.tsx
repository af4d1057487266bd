import type { Metadata } from "next";
import Link from "next/link";
import { CreateTokenForm, TokenList } from "@/components/token-forms";
import { requireUser } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/auth/tokens";
import { createTokenAction, revokeTokenAction } from "@/app/_actions/tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await requireUser("/settings/tokens");
  const tokens = await listApiTokens(user, user.id);
  return (
    <div className="max-w-3xl space-y-8">
      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-xl font-semibold">API tokens</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">
          A token lets a program change profiles as you, with your rights: <code>Authorization: Bearer &lt;token&gt;</code> on
          the ZITADEL routes, or HTTP Basic <code>{user.username}:&lt;token&gt;</code> on the Camunda routes.
          See the <Link href="/docs" className="text-indigo-700 underline">API documentation</Link>.
        </p>
        <CreateTokenForm action={createTokenAction} />
      </section>
      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title" className="mb-3 text-base font-semibold">Your tokens</h2>
        <TokenList tokens={tokens.map((t) => ({ ...t, revoke: revokeTokenAction.bind(null, t.id) }))} />
      </section>
    </div>
  );
}
