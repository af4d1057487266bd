import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailLinkPage, openLink } from "@/components/email-link-page";
import { reportEmailAction } from "@/app/_actions/email";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [{ problem }, t] = await Promise.all([openLink("REPORT", (await searchParams).token), getTranslations("email")]);
  return { title: problem ? t("link.broken") : t("report.metaTitle"), robots: { index: false } };
}

/** Opened from the notice sent to the old address of an email change. */
export default async function ReportEmailChangePage({ searchParams }: Props) {
  const [{ token, row, problem }, t] = await Promise.all([openLink("REPORT", (await searchParams).token), getTranslations("email")]);
  const strong = (chunks: React.ReactNode) => <strong><bdi>{chunks}</bdi></strong>;
  return (
    <EmailLinkPage
      title={t("report.title")}
      doneTitle={t("report.done")}
      problem={problem}
      token={token}
      action={reportEmailAction}
      label={t("report.secure")}
      pendingLabel={t("report.securing")}
      next={{ href: "/login", label: t("report.signIn") }}
    >
      {row && (
        <>
          <p>
            {t.rich(row.user.email ? "report.changedTo" : "report.changed", {
              username: row.user.username,
              email: row.user.email ?? "",
              b: strong,
              address: (chunks) => <bdi>{chunks}</bdi>,
            })}
          </p>
          <p>{t.rich("report.consequences", { email: row.email, b: strong })}</p>
        </>
      )}
    </EmailLinkPage>
  );
}
