"use client";

import { useActionState } from "react";
import { IDLE_ACTION, type ActionState } from "@/lib/http/form-state";
import { ActionResult } from "./action-result";
import { confirmBeforeSubmit, useConfirm, type ConfirmText } from "./confirm";
import { whilePending } from "./submit-button";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

interface Props {
  action: Action;
  label: string;
  pendingLabel: string;
  /** A destructive action: styled so, and asked about first. */
  confirm?: ConfirmText;
}

/** A button that runs one server action and says how it went. */
export function ActionButton({ action, label, pendingLabel, confirm }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE_ACTION);
  const { ask, dialog } = useConfirm(confirm ?? { title: "", body: "", action: "" });
  const tone = confirm ? "border-red-300 text-red-700 hover:bg-red-50" : "border-slate-400 text-slate-800 hover:bg-slate-100";
  return (
    <form action={formAction} onSubmit={confirm && confirmBeforeSubmit(ask, formAction)} className="space-y-2">
      <button type="submit" {...whilePending(pending)} className={`rounded-md border bg-white px-3 py-1.5 text-sm font-medium aria-disabled:opacity-60 ${tone}`}>
        {pending ? pendingLabel : label}
      </button>
      <ActionResult state={state} />
      {confirm && dialog}
    </form>
  );
}
