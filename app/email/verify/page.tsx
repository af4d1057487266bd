import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailLinkPage, openLink } from "@/components/email-link-page";
import { confirmEmailAction } from "@/app/_actions/email";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [{ problem }, t] = await Promise.all([openLink("VERIFY", (await searchParams).token), getTranslations("email")]);
  return { title: problem ? t("link.broken") : t("verify.title"), robots: { index: false } };
}

/** Opened from the link sent to an address: no session needed (people open mail on their phone). */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const [{ token, row, problem }, t] = await Promise.all([openLink("VERIFY", (await searchParams).token), getTranslations("email")]);
  const change = row && row.email !== row.user.email;
  const question = !change ? "verify.confirmQuestion" : row.user.email ? "verify.useQuestionReplaces" : "verify.useQuestion";
  return (
    <EmailLinkPage
      title={t("verify.title")}
      doneTitle={t("verify.done")}
      problem={problem}
      token={token}
      action={confirmEmailAction}
      label={change ? t("verify.use") : t("verify.confirm")}
      pendingLabel={t("verify.confirming")}
      next={{ href: "/profile", label: t("link.toProfile") }}
    >
      {row && (
        <p>
          {t.rich(question, {
            email: row.email,
            username: row.user.username,
            old: row.user.email ?? "",
            b: (chunks) => <strong><bdi>{chunks}</bdi></strong>,
            previous: (chunks) => <bdi>{chunks}</bdi>,
          })}
        </p>
      )}
    </EmailLinkPage>
  );
}
