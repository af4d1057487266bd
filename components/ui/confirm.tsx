"use client";

import { startTransition, useId, useRef, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";

/** What the dialog says, in the reader's language (a title may hold a name in <bdi>). */
export interface ConfirmText {
  title: ReactNode;
  body: ReactNode;
  /** The confirming button's label, naming the action ("Revoke token"). */
  action: string;
  /** The other button's label (default: common "cancel", "Cancel"). */
  dismiss?: string;
}

/**
 * Asks before a destructive action (WCAG 3.3.4), in a modal alert dialog: focus starts on the
 * button that does nothing, Escape cancels, and focus returns to the button that asked. Without JavaScript the
 * form posts directly.
 */
export function useConfirm(text: ConfirmText) {
  const t = useTranslations("common");
  const dialog = useRef<HTMLDialogElement>(null);
  const answer = useRef<((ok: boolean) => void) | null>(null);
  const id = useId();
  const settle = (ok: boolean) => {
    answer.current?.(ok);
    answer.current = null;
    dialog.current?.close();
  };
  const ask = () =>
    new Promise<boolean>((resolve) => {
      answer.current = resolve;
      dialog.current?.showModal();
    });
  const element = (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={() => settle(false)}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-950/50"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">{text.title}</h2>
      <p id={`${id}-body`} className="mt-2 text-sm text-slate-700">{text.body}</p>
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <button type="button" autoFocus onClick={() => settle(false)} className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100">
          {text.dismiss ?? t("cancel")}
        </button>
        <button type="button" onClick={() => settle(true)} className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800">
          {text.action}
        </button>
      </div>
    </dialog>
  );
  return { ask, dialog: element };
}

/**
 * A form's onSubmit that asks first, then sends what the form holds (with the pressed button's
 * name and value) to its server action. `when` limits the question to some buttons.
 */
export function confirmBeforeSubmit(
  ask: () => Promise<boolean>,
  formAction: (data: FormData) => void,
  when: (submitter: HTMLElement | null) => boolean = () => true,
) {
  return async (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (!when(submitter)) return; // the form's action runs as usual
    event.preventDefault();
    const data = new FormData(event.currentTarget, submitter);
    if (await ask()) startTransition(() => formAction(data));
  };
}
