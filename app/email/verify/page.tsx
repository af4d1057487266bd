import type { Metadata } from "next";
import { EmailLinkPage, openLink } from "@/components/email-link-page";
import { confirmEmailAction } from "@/app/_actions/email";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { problem } = await openLink("VERIFY", (await searchParams).token);
  return { title: problem ? "This link does not work" : "Confirm your email address", robots: { index: false } };
}

/** Opened from the link sent to an address: no session needed (people open mail on their phone). */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token, row, problem } = await openLink("VERIFY", (await searchParams).token);
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
