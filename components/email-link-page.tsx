import { LINK_MESSAGES, type LinkProblem } from "@/lib/profile/email";
import { EmailLinkForm, type EmailLinkFormProps } from "./email-link-form";

/** The page a link from an email opens: what pressing its button will do, or why the link does not work. */
export function EmailLinkPage({ problem, ...props }: Omit<EmailLinkFormProps, "problem"> & { problem: LinkProblem | null }) {
  return <EmailLinkForm problem={problem && LINK_MESSAGES[problem]} {...props} />;
}

/** The token of a link's page, as its address carries it ("" for none or several). */
export const tokenParam = (value: string | string[] | undefined) => (typeof value === "string" && /^[\w-]{20,100}$/.test(value) ? value : "");
