import type { Metadata } from "next";
import { EmailLinkPage, openLink } from "@/components/email-link-page";
import { reportEmailAction } from "@/app/_actions/email";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { problem } = await openLink("REPORT", (await searchParams).token);
  return { title: problem ? "This link does not work" : "Secure your account", robots: { index: false } };
}

/** Opened from the notice sent to the old address of an email change. */
export default async function ReportEmailChangePage({ searchParams }: Props) {
  const { token, row, problem } = await openLink("REPORT", (await searchParams).token);
  return (
    <EmailLinkPage
      title="Was the email change not you?"
      doneTitle="Your account is secured"
      problem={problem}
      token={token}
      action={reportEmailAction}
      label="Secure my account"
      pendingLabel="Securing…"
      next={{ href: "/login", label: "Sign in" }}
    >
      {row && (
        <>
          <p>
            The email address of the account <strong><bdi>{row.user.username}</bdi></strong> was changed
            {row.user.email && <> to <bdi>{row.user.email}</bdi></>}. If you did not do that, someone else may have your password.
          </p>
          <p>
            Securing the account puts <strong><bdi>{row.email}</bdi></strong> back as its address, signs out every session and
            revokes every API token. Then change your password, or ask an administrator to reset it.
          </p>
        </>
      )}
    </EmailLinkPage>
  );
}
