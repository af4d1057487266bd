import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProfileForm } from "@/components/profile-form";
import { HistoryList } from "@/components/history-list";
import { requireUser } from "@/lib/auth/session";
import { toFormValues } from "@/lib/http/form-state";
import { getProfile, isReadOnly, listProfileEvents, organisationName } from "@/lib/profile/service";
import { IdentityHeader } from "@/components/identity-header";
import { EmailStatus } from "@/components/email-status";
import { emailStatus } from "@/lib/profile/email";
import { manageEmailAction } from "@/app/_actions/email";
import { saveOwnProfile } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profile");
  return { title: t("title") };
}

export default async function ProfilePage() {
  const user = await requireUser("/profile");
  const profile = await getProfile(user, user.id);
  const [events, email, organisation, t] = await Promise.all([
    listProfileEvents(user, user.id, { limit: 10 }),
    emailStatus(profile),
    organisationName(user.orgId),
    getTranslations("profile"),
  ]);
  const pending = email.pending && { email: email.pending.email, sentAt: email.pending.sentAt.toISOString(), expiresAt: email.pending.expiresAt.toISOString() };
  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <section aria-labelledby="profile-title" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <IdentityHeader profile={profile} organisation={organisation} title={t("title")} titleId="profile-title" />
        <EmailStatus status={{ ...email, pending }} action={manageEmailAction} />
        <ProfileForm
          action={saveOwnProfile}
          initial={toFormValues(profile)}
          sequence={profile.sequence}
          readOnly={isReadOnly()}
          confirmEmailChange
          reloadHref="/profile"
        />
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title" className="mb-3 text-base font-semibold">{t("recentChanges")}</h2>
        <HistoryList events={events} viewerId={user.id} emptyText={t("noChanges")} />
      </section>
    </div>
  );
}
