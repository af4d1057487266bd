import type { Metadata } from "next";
import { EmailLinkPage, tokenParam } from "@/components/email-link-page";
import { inspectLink } from "@/lib/profile/email";
import { confirmEmailAction } from "@/app/_actions/email";

export const metadata: Metadata = { title: "Confirm your email address", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Opened from the link sent to an address: no session needed (people open mail on their phone). */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const token = tokenParam((await searchParams).token);
  const { row, problem } = token ? await inspectLink("VERIFY", token) : { row: null, problem: "unknown" as const };
  const change = row && row.email !== row.user.email;
  return (
    <EmailLinkPage
      title="Confirm your email address"
      doneTitle="Email address confirmed"
      problem={problem}
      token={token}
      action={confirmEmailAction}
      label={change ? "Use this address" : "Confirm this address"}
      pendingLabel="Confirming…"
      next={{ href: "/profile", label: "Go to your profile" }}
    >
      {row && (
        <p>
          {change ? "Use " : "Confirm that "}
          <strong><bdi>{row.email}</bdi></strong>
          {change ? " as the email address of the account " : " is the email address of the account "}
          <strong><bdi>{row.user.username}</bdi></strong>?
          {change && row.user.email && <> It replaces <bdi>{row.user.email}</bdi>, which is told of the change.</>}
        </p>
      )}
    </EmailLinkPage>
  );
}
