"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE_ACTION, type ActionState } from "@/lib/http/form-state";
import { ActionResult } from "./ui/action-result";
import { Time } from "./ui/time";
import { confirmBeforeSubmit, useConfirm } from "./ui/confirm";
import { whilePending } from "./ui/submit-button";

export interface EmailStatusView {
  email: string | null;
  verified: boolean;
  pending: { email: string; sentAt: string; expiresAt: string } | null;
}

const BUTTON = "rounded-md border bg-white px-3 py-1.5 text-sm font-medium aria-disabled:opacity-60";

/**
 * Above the profile form: a change waiting for its link (send again, cancel), or an address not
 * confirmed yet (send a link). The answer stays in one announced region as the panel changes.
 */
export function EmailStatus({ status, action }: { status: EmailStatusView; action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE_ACTION);
  const { email, verified, pending: change } = status;
  const t = useTranslations("email.status");
  const newEmail = change?.email ?? "";
  const { ask, dialog } = useConfirm({
    title: t("cancelTitle"),
    body: email ? t("cancelBody", { newEmail, email }) : t("cancelBodyNoEmail", { newEmail }),
    action: t("cancel"),
    dismiss: t("keepWaiting"),
  });
  const onCancel = confirmBeforeSubmit(ask, formAction, (button) => button?.getAttribute("value") === "cancel");
  return (
    <div className="space-y-3 [&:has(section,[role])]:mb-6">
      {change ? (
        <section className="rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950">
          <h2 className="font-semibold">{t("pendingTitle")}</h2>
          <p className="mt-1">
            {t.rich(email ? "pending" : "pendingNoEmail", {
              newEmail: change.email,
              email: email ?? "",
              new: (chunks) => <strong><bdi>{chunks}</bdi></strong>,
              current: (chunks) => <bdi>{chunks}</bdi>,
              sentAt: () => <Time value={change.sentAt} />,
              expiresAt: () => <Time value={change.expiresAt} exact />,
            })}
          </p>
          <form action={formAction} onSubmit={onCancel} className="mt-3 flex flex-wrap gap-2">
            <button type="submit" name="intent" value="resend" {...whilePending(pending)} className={`${BUTTON} border-slate-400 text-slate-800 hover:bg-slate-100`}>
              {t("resend")}
            </button>
            <button type="submit" name="intent" value="cancel" {...whilePending(pending)} className={`${BUTTON} border-red-300 text-red-700 hover:bg-red-50`}>
              {t("cancel")}
            </button>
            {dialog}
          </form>
        </section>
      ) : (
        email && !verified && (
          <section className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
            <h2 className="font-semibold">{t("unconfirmedTitle")}</h2>
            <p className="mt-1">
              {t.rich("unconfirmed", { email, address: (chunks) => <bdi>{chunks}</bdi> })}
            </p>
            <form action={formAction} className="mt-3">
              <button type="submit" name="intent" value="resend" {...whilePending(pending)} className={`${BUTTON} border-slate-400 text-slate-800 hover:bg-slate-100`}>
                {t("sendLink")}
              </button>
            </form>
          </section>
        )
      )}
      <ActionResult state={state} />
    </div>
  );
}
