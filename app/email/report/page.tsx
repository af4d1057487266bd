import type { Metadata } from "next";
import { EmailLinkPage, tokenParam } from "@/components/email-link-page";
import { inspectLink } from "@/lib/profile/email";
import { reportEmailAction } from "@/app/_actions/email";

export const metadata: Metadata = { title: "Secure your account", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Opened from the notice sent to the old address of an email change. */
export default async function ReportEmailChangePage({ searchParams }: Props) {
  const token = tokenParam((await searchParams).token);
  const { row, problem } = token ? await inspectLink("REPORT", token) : { row: null, problem: "unknown" as const };
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
