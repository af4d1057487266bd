import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProfileForm } from "@/components/profile-form";
import { HistoryList } from "@/components/history-list";
import { PasswordResetForm, RoleForm } from "@/components/admin-forms";
import { TokenList } from "@/components/token-forms";
import { listApiTokens } from "@/lib/auth/tokens";
import { revokeTokenAction } from "@/app/_actions/tokens";
import { requireAdmin } from "@/lib/auth/session";
import { toFormValues } from "@/lib/http/form-state";
import { parseBefore } from "@/lib/http/search-params";
import { grantableRoles } from "@/lib/profile/access";
import { isProfileError } from "@/lib/profile/errors";
import { ROLE_LABELS } from "@/lib/profile/schema";
import { getProfile, isReadOnly, listProfileEvents } from "@/lib/profile/service";
import { changeUserRole, resetUserPassword, saveUserProfile } from "./actions";

export const metadata: Metadata = { title: "Edit user" };
const HISTORY_PAGE = 20;

export default async function AdminUserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const admin = await requireAdmin(`/admin/users/${id}`);
  const before = parseBefore(await searchParams);
  const loaded = await Promise.all([
    getProfile(admin, id),
    listProfileEvents(admin, id, { limit: HISTORY_PAGE + 1, beforeSequence: before }),
    listApiTokens(admin, id),
  ]).catch(
    (error: unknown) => {
      // Not found and not allowed look the same: another organisation's users do not exist here.
      if (isProfileError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
      throw error;
    },
  );
  const [profile, events, tokens] = loaded;
  const readOnly = isReadOnly();
  const more = events.length > HISTORY_PAGE;
  const shown = events.slice(0, HISTORY_PAGE);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/users" className="text-indigo-700 underline hover:no-underline">Users</Link>
        <span className="mx-2 text-slate-400" aria-hidden>/</span>
        <span className="text-slate-600">{profile.username}</span>
      </nav>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          <section aria-labelledby="profile-title" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
            <h1 id="profile-title" className="text-xl font-semibold break-words">{profile.displayName}</h1>
            <p className="mt-1 mb-6 text-sm text-slate-600">
              {profile.username} · {ROLE_LABELS[profile.role]} · version {profile.sequence}
            </p>
            <ProfileForm
              action={saveUserProfile.bind(null, profile.id)}
              initial={toFormValues(profile)}
              sequence={profile.sequence}
              readOnly={readOnly}
              confirmEmailChange={profile.id === admin.id}
              reloadHref={`/admin/users/${profile.id}`}
            />
          </section>
          <section aria-labelledby="access-title" className="space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
            <h2 id="access-title" className="text-base font-semibold">Access</h2>
            <RoleForm
              action={changeUserRole.bind(null, profile.id)}
              role={profile.role}
              grantable={grantableRoles(admin.role)}
              disabled={readOnly}
            />
            <PasswordResetForm action={resetUserPassword.bind(null, profile.id)} disabled={readOnly} />
          </section>
          <section aria-labelledby="tokens-title" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
            <h2 id="tokens-title" className="mb-4 text-base font-semibold">API tokens</h2>
            <TokenList tokens={tokens.map((t) => ({ ...t, revoke: revokeTokenAction.bind(null, t.id) }))} />
          </section>
        </div>
        <section aria-labelledby="history-title">
          <h2 id="history-title" className="mb-3 text-base font-semibold">History</h2>
          <HistoryList events={shown} viewerId={admin.id} emptyText={before ? "No older changes." : "No changes yet."} />
          <div className="mt-4 flex gap-3 text-sm">
            {before && <Link href={`/admin/users/${profile.id}`} className="text-indigo-700 hover:underline">Newest changes</Link>}
            {more && (
              <Link href={`/admin/users/${profile.id}?before=${shown.at(-1)!.sequence}`} className="text-indigo-700 hover:underline">
                Older changes
              </Link>
            )}
          </div>
        </section>
      </div>
    </div>
  );
}
