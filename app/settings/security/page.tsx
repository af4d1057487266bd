import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { endAllSessionsAction, endSessionAction } from "@/app/_actions/sessions";
import { SecurityEvents } from "@/components/security/security-events";
import { PasswordForm } from "@/components/security/password-form";
import { Sessions } from "@/components/security/sessions";
import { Alert } from "@/components/ui/alert";
import { listSecurityEvents } from "@/lib/auth/events";
import { CHANGE_PASSWORD_PATH, requireUser } from "@/lib/auth/session";
import { listSessions } from "@/lib/auth/session-store";
import { changePasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security");
  return { title: t("title") };
}

const card = "rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8";

export default async function SecurityPage() {
  const user = await requireUser(CHANGE_PASSWORD_PATH);
  const t = await getTranslations("security");
  if (user.mustChangePassword) {
    return (
      <section aria-labelledby="password-title" className={`mx-auto max-w-lg ${card}`}>
        <h1 id="password-title" className="text-xl font-semibold">{t("choosePassword.title")}</h1>
        <div className="mt-4 mb-6">
          <Alert tone="info">{t("choosePassword.notice")}</Alert>
        </div>
        <PasswordForm action={changePasswordAction} username={user.username} />
      </section>
    );
  }
  const [sessions, events] = await Promise.all([listSessions(user, user.id), listSecurityEvents(user, user.id)]);
  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-8">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <section aria-labelledby="password-title" className={card}>
          <h2 id="password-title" className="mb-4 text-base font-semibold">{t("password.title")}</h2>
          <PasswordForm action={changePasswordAction} username={user.username} />
        </section>
        <section aria-labelledby="sessions-title" className={`space-y-4 ${card}`}>
          <h2 id="sessions-title" className="text-base font-semibold">{t("sessions.title")}</h2>
          <Sessions
            sessions={sessions}
            currentSessionId={user.sessionId}
            end={endSessionAction}
            endAll={endAllSessionsAction.bind(null, user.id)}
            endAllLabel={t("sessions.endAll")}
          />
        </section>
      </div>
      <section aria-labelledby="activity-title">
        <h2 id="activity-title" className="mb-3 text-base font-semibold">{t("events.title")}</h2>
        <SecurityEvents events={events} viewerId={user.id} />
      </section>
    </div>
  );
}
