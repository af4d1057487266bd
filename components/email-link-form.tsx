"use client";

import Link from "next/link";
import { useActionState } from "react";
import { IDLE_ACTION, type ActionState } from "@/lib/http/form-state";
import { ActionResult } from "./ui/action-result";
import { SubmitButton } from "./ui/submit-button";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  token: string;
  label: string;
  pendingLabel: string;
  /** Where to go once it is done. */
  next: { href: string; label: string };
}

/**
 * The one button of a link from an email. Opening the link only shows this page (mail scanners
 * open links too); pressing the button acts, with or without JavaScript.
 */
export function EmailLinkForm({ action, token, label, pendingLabel, next }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE_ACTION);
  return (
    <div className="space-y-4">
      <ActionResult state={state} />
      {state.status === "ok" ? (
        <Link href={next.href} className="inline-block font-medium text-indigo-700 underline hover:no-underline">
          {next.label}
        </Link>
      ) : (
        <form action={formAction}>
          <input type="hidden" name="token" value={token} />
          <SubmitButton pending={pending} pendingLabel={pendingLabel}>{label}</SubmitButton>
        </form>
      )}
    </div>
  );
}
