"use client";

import { useActionState } from "react";
import { IDLE_ACTION, type ActionState } from "@/lib/http/form-state";
import { ActionResult } from "./ui/action-result";
import { Time } from "./ui/time";
import { confirmBeforeSubmit, useConfirm } from "./ui/confirm";


export interface EmailStatusView {
  email: string | null;
  verified: boolean;
  pending: { email: string; sentAt: string; expiresAt: string } | null;
}

const BUTTON = "rounded-md border bg-white px-3 py-1.5 text-sm font-medium disabled:opacity-60";

/**
 * Above the profile form: a change waiting for its link (send again, cancel), or an address not
 * confirmed yet (send a link). The answer stays in one announced region as the panel changes.
 */
export function EmailStatus({ status, action }: { status: EmailStatusView; action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE_ACTION);
  const { email, verified, pending: change } = status;
  const { ask, dialog } = useConfirm({
    title: "Cancel the change?",
    body: `The link sent to ${change?.email ?? "the new address"} stops working; ${email ?? "your address"} stays in use.`,
    action: "Cancel the change",
    dismiss: "Keep waiting",
  });
  const onCancel = confirmBeforeSubmit(ask, formAction, (button) => button?.getAttribute("value") === "cancel");
  return (
    <div className="space-y-3 [&:has(section,[role])]:mb-6">
      {change ? (
        <section className="rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950">
          <h2 className="font-semibold">New email address waiting for confirmation</h2>
          <p className="mt-1">
            We sent a link to <strong><bdi>{change.email}</bdi></strong> <Time value={change.sentAt} />. Your email changes when you open it
            {email && <>; until then <bdi>{email}</bdi> stays in use</>}. The link works until <Time value={change.expiresAt} exact />.
          </p>
          <form action={formAction} onSubmit={onCancel} className="mt-3 flex flex-wrap gap-2">
            <button type="submit" name="intent" value="resend" disabled={pending} className={`${BUTTON} border-slate-400 text-slate-800 hover:bg-slate-100`}>
              Send the link again
            </button>
            <button type="submit" name="intent" value="cancel" disabled={pending} className={`${BUTTON} border-red-300 text-red-700 hover:bg-red-50`}>
              Cancel the change
            </button>
            {dialog}
          </form>
        </section>
      ) : (
        email && !verified && (
          <section className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
            <h2 className="font-semibold">Email address not confirmed</h2>
            <p className="mt-1">
              Nobody has confirmed that <bdi>{email}</bdi> belongs to you yet. We send a link to it; opening the link confirms it.
            </p>
            <form action={formAction} className="mt-3">
              <button type="submit" name="intent" value="resend" disabled={pending} className={`${BUTTON} border-slate-400 text-slate-800 hover:bg-slate-100`}>
                Send a confirmation link
              </button>
            </form>
          </section>
        )
      )}
      <ActionResult state={state} />
    </div>
  );
}
