import { cache } from "react";
import type { EmailTokenPurpose } from "@/lib/generated/prisma/client";
import { inspectLink, LINK_MESSAGES, type LinkProblem } from "@/lib/profile/email";
import { EmailLinkForm, type EmailLinkFormProps } from "./email-link-form";

/** The page a link from an email opens: what pressing its button will do, or why the link does not work. */
export function EmailLinkPage({ problem, ...props }: Omit<EmailLinkFormProps, "problem"> & { problem: LinkProblem | null }) {
  return <EmailLinkForm problem={problem && LINK_MESSAGES[problem]} {...props} />;
}

/** The link a page was opened with (its `token` parameter), read once per request for the page and its title. */
export const openLink = cache(async (purpose: EmailTokenPurpose, value: string | string[] | undefined) => {
  const token = typeof value === "string" && /^[\w-]{20,100}$/.test(value) ? value : "";
  if (!token) return { token, row: null, problem: "unknown" as const };
  return { token, ...(await inspectLink(purpose, token)) };
});
