import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
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
  const [{ profile }, t] = await Promise.all([loadUser((await params).id), getTranslations("admin.user")]);
  return { title: t("title", { name: profile.displayName, username: profile.username }) };
}

export default async function AdminUserPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { admin, profile } = await loadUser(id);
  const before = parseBefore(await searchParams);
  const [t, fields, format] = await Promise.all([getTranslations("admin.user"), getTranslations("fields"), getFormatter()]);
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
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/admin/users" className="text-indigo-700 underline hover:no-underline">{t("users")}</Link>
        <span className="mx-2 text-slate-400" aria-hidden>/</span>
        <bdi className="text-slate-600">{profile.username}</bdi>
      </nav>
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          <section aria-labelledby="profile-title" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
            <h1 id="profile-title" dir="auto" className="text-xl font-semibold">{profile.displayName}</h1>
            <p className="mt-1 mb-6 text-sm text-slate-600">
              {t.rich("summary", {
                username: () => <bdi>{profile.username}</bdi>,
                role: fields(`roles.${profile.role}`),
                email: profile.email ? (profile.emailVerified ? "confirmed" : "unconfirmed") : "none",
                version: format.number(profile.sequence),
              })}
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
            <h2 id="access-title" className="text-base font-semibold">{t("access")}</h2>
            <RoleForm
              action={changeUserRole.bind(null, profile.id)}
              role={profile.role}
              grantable={grantableRoles(admin.role)}
              disabled={readOnly}
            />
            <PasswordResetForm action={resetUserPassword.bind(null, profile.id)} disabled={readOnly} own={profile.id === admin.id} />
          </section>
          <section aria-labelledby="sessions-title" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
            <h2 id="sessions-title" className="text-base font-semibold">{t("sessions")}</h2>
            <Sessions
              sessions={sessions}
              currentSessionId={admin.sessionId}
              end={endSessionAction}
              endAll={endAllSessionsAction.bind(null, profile.id)}
              endAllLabel={t("endAllSessions")}
              endAllQuestion={t("endAllSessionsQuestion")}
            />
          </section>
          <section aria-labelledby="tokens-title" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
            <h2 id="tokens-title" className="mb-4 text-base font-semibold">{t("tokens")}</h2>
            <TokenList tokens={tokens.map((t) => ({ ...t, revoke: revokeTokenAction.bind(null, t.id) }))} />
          </section>
        </div>
        <div className="space-y-8">
        <section aria-labelledby="history-title">
          <h2 id="history-title" className="mb-3 text-base font-semibold">{t("history")}</h2>
          <HistoryList events={shown} viewerId={admin.id} emptyText={before ? t("noOlderChanges") : t("noChanges")} />
          <div className="mt-4 flex gap-3 text-sm">
            {before && <Link href={`/admin/users/${profile.id}`} className="text-indigo-700 hover:underline">{t("newestChanges")}</Link>}
            {more && (
              <Link href={`/admin/users/${profile.id}?before=${shown.at(-1)!.sequence}`} className="text-indigo-700 hover:underline">
                {t("olderChanges")}
              </Link>
            )}
          </div>
        </section>
        <section aria-labelledby="activity-title">
          <h2 id="activity-title" className="mb-3 text-base font-semibold">{t("securityActivity")}</h2>
          <SecurityEvents events={securityEvents} viewerId={admin.id} />
        </section>
        </div>
      </div>
    </div>
  );
}
