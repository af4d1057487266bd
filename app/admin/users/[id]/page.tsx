import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProfileForm } from "@/components/profile-form";
import { HistoryList } from "@/components/history-list";
import { PasswordResetForm, RoleForm } from "@/components/admin-forms";
import { TokenList } from "@/components/token-forms";
import { listApiTokens } from "@/lib/auth/tokens";
import { endAllSessionsAction, endSessionAction } from "@/app/_actions/sessions";
import { revokeTokenAction } from "@/app/_actions/tokens";
import { SecurityEvents } from "@/components/security/security-events";
import { Sessions } from "@/components/security/sessions";
import { listSecurityEvents } from "@/lib/auth/events";
import { listSessions } from "@/lib/auth/session-store";
import { requireAdmin } from "@/lib/auth/session";
import { toFormValues } from "@/lib/http/form-state";
import { parseBefore, pathId } from "@/lib/http/search-params";
import { grantableRoles } from "@/lib/profile/access";
import { isProfileError } from "@/lib/profile/errors";
import { ROLE_LABELS } from "@/lib/profile/schema";
import { getProfile, isReadOnly, listProfileEvents } from "@/lib/profile/service";
import { changeUserRole, resetUserPassword, saveUserProfile } from "./actions";

const HISTORY_PAGE = 20;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The page and its title read the user once per request.
const loadUser = cache(async (id: string) => {
  const admin = await requireAdmin(`/admin/users/${id}`);
  if (!pathId.safeParse(id).success) notFound();
  return { admin, profile: await getProfile(admin, id).catch(hideForbidden) };
});

/** Not found and not allowed look the same: another organisation's users do not exist here. */
function hideForbidden(error: unknown): never {
  if (isProfileError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
  throw error;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { profile } = await loadUser((await params).id);
  return { title: `${profile.displayName} (${profile.username}) · Users` };
}

export default async function AdminUserPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { admin, profile } = await loadUser(id);
  const before = parseBefore(await searchParams);
  const [events, tokens, sessions, securityEvents] = await Promise.all([
    listProfileEvents(admin, id, { limit: HISTORY_PAGE + 1, beforeSequence: before }),
    listApiTokens(admin, id),
    listSessions(admin, id),
    listSecurityEvents(admin, id),
  ]).catch(hideForbidden);
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
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          <section aria-labelledby="profile-title" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
            <h1 id="profile-title" className="text-xl font-semibold">{profile.displayName}</h1>
            <p className="mt-1 mb-6 text-sm text-slate-600">
              {profile.username} · {ROLE_LABELS[profile.role]} · {profile.email && (profile.emailVerified ? "email confirmed · " : "email not confirmed · ")}version {profile.sequence}
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
            <PasswordResetForm action={resetUserPassword.bind(null, profile.id)} disabled={readOnly} own={profile.id === admin.id} />
          </section>
          <section aria-labelledby="sessions-title" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
            <h2 id="sessions-title" className="text-base font-semibold">Sessions</h2>
            <Sessions
              sessions={sessions}
              currentSessionId={admin.sessionId}
              end={endSessionAction}
              endAll={endAllSessionsAction.bind(null, profile.id)}
              endAllLabel="End all sessions"
            />
          </section>
          <section aria-labelledby="tokens-title" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
            <h2 id="tokens-title" className="mb-4 text-base font-semibold">API tokens</h2>
            <TokenList tokens={tokens.map((t) => ({ ...t, revoke: revokeTokenAction.bind(null, t.id) }))} />
          </section>
        </div>
        <div className="space-y-8">
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
        <section aria-labelledby="activity-title">
          <h2 id="activity-title" className="mb-3 text-base font-semibold">Security activity</h2>
          <SecurityEvents events={securityEvents} viewerId={admin.id} />
        </section>
        </div>
      </div>
    </div>
  );
}
