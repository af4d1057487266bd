"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE_ACTION, type ActionState } from "@/lib/http/form-state";
import { ActionResult } from "./ui/action-result";
import { SubmitButton } from "./ui/submit-button";
import { useSay } from "./ui/use-say";

export interface EmailLinkFormProps {
  title: string;
  /** The heading once it is done. */
  doneTitle: string;
  /** Why the link does not work (a sentence: lib/i18n/sentence.ts), or null when it does. */
  problem: string | null;
  token: string;
  /** What pressing the button will do. */
  children: React.ReactNode;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  pendingLabel: string;
  /** Where to go once it is done. */
  next: { href: string; label: string };
}

const LINK = "inline-block font-medium text-indigo-700 underline hover:no-underline";

/**
 * The card of a link from an email. Opening the link only shows it (mail scanners open links
 * too); pressing the button acts, with or without JavaScript. Once pressed, the answer is shown,
 * although the link itself no longer works by then.
 */
export function EmailLinkForm({ title, doneTitle, problem, token, children, action, label, pendingLabel, next }: EmailLinkFormProps) {
  const t = useTranslations("email.link");
  const say = useSay();
  const [state, formAction, pending] = useActionState(action, IDLE_ACTION);
  const answered = state.status !== "idle";
  const heading = answered ? (state.status === "ok" ? doneTitle : t("failed")) : problem ? t("broken") : title;
  return (
    <section aria-labelledby="link-title" className="mx-auto mt-4 max-w-lg rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 id="link-title" className="text-xl font-semibold">{heading}</h1>
      {answered ? (
        <div className="mt-4 space-y-4">
          <ActionResult state={state} />
          <Link href={state.status === "ok" ? next.href : "/profile"} className={LINK}>
            {state.status === "ok" ? next.label : t("toProfile")}
          </Link>
        </div>
      ) : problem ? (
        <>
          <p className="mt-2 text-sm text-slate-700">{say(problem)}</p>
          <Link href="/profile" className={`mt-6 ${LINK}`}>{t("toProfile")}</Link>
        </>
      ) : (
        <>
          <div className="mt-2 mb-6 space-y-2 text-sm text-slate-700">{children}</div>
          <form action={formAction}>
            <input type="hidden" name="token" value={token} />
            <SubmitButton pending={pending} pendingLabel={pendingLabel}>{label}</SubmitButton>
          </form>
        </>
      )}
    </section>
  );
}
