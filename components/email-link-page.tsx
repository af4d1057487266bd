import Link from "next/link";
import type { ActionState } from "@/lib/http/form-state";
import { LINK_MESSAGES, type LinkProblem } from "@/lib/profile/email";
import { EmailLinkForm } from "./email-link-form";

interface Props {
  title: string;
  /** Null when the link works; else why not. */
  problem: LinkProblem | null;
  token: string;
  children: React.ReactNode;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  pendingLabel: string;
  next: { href: string; label: string };
}

/** The page a link from an email opens: what pressing its button will do, or why the link does not work. */
export function EmailLinkPage({ title, problem, token, children, ...form }: Props) {
  return (
    <section aria-labelledby="link-title" className="mx-auto mt-4 max-w-lg rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 id="link-title" className="text-xl font-semibold">{problem ? "This link does not work" : title}</h1>
      {problem ? (
        <>
          <p className="mt-2 text-sm text-slate-700">{LINK_MESSAGES[problem]}</p>
          <Link href="/profile" className="mt-6 inline-block font-medium text-indigo-700 underline hover:no-underline">Go to your profile</Link>
        </>
      ) : (
        <>
          <div className="mt-2 mb-6 space-y-2 text-sm text-slate-700 break-words">{children}</div>
          <EmailLinkForm token={token} {...form} />
        </>
      )}
    </section>
  );
}

/** The token of a link's page, as its address carries it ("" for none or several). */
export const tokenParam = (value: string | string[] | undefined) => (typeof value === "string" && /^[\w-]{20,100}$/.test(value) ? value : "");
