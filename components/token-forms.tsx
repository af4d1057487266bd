"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TOKEN_LIFETIMES, tokenForm } from "@/lib/profile/schema";
import { IDLE_ACTION, type ActionState } from "@/lib/http/form-state";
import type { TokenView } from "@/lib/auth/tokens";
import { Time } from "./ui/time";
import { ActionResult } from "./ui/action-result";
import { InputField, SelectField } from "./ui/field";
import { OneTimeSecret } from "./ui/one-time-secret";
import { SubmitButton, whilePending } from "./ui/submit-button";
import { confirmBeforeSubmit, useConfirm } from "./ui/confirm";
import { useActionForm } from "./use-action-form";
import { ScrollBox } from "./ui/scroll-box";
import { useSay } from "./ui/use-say";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function CreateTokenForm({ action }: { action: Action }) {
  const t = useTranslations("tokens.create");
  const { state, refused, form, formAction, pending, onSubmit, errorOf, formRef } = useActionForm(tokenForm, action, {
    initialState: IDLE_ACTION,
    defaultValues: (s: ActionState) => ({
      name: s.status === "error" ? (s.values?.name ?? "") : "",
      expiresInDays: ((s.status === "error" ? s.values?.expiresInDays : undefined) ?? "90") as (typeof TOKEN_LIFETIMES)[number],
    }),
  });
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <ActionResult state={state} refused={refused} />
      {state.secret && <OneTimeSecret label={t("secret")} value={state.secret} />}
      <div className="max-w-md space-y-3">
        <InputField {...form.register("name")} label={t("name")} hint={t("nameHint")} error={errorOf("name")} maxLength={100}
          defaultValue={kept?.name ?? ""} autoComplete="off" dir="auto" required />
        <SelectField {...form.register("expiresInDays")} label={t("expires")} error={errorOf("expiresInDays")} defaultValue={kept?.expiresInDays ?? "90"}>
          {TOKEN_LIFETIMES.map((days) => (
            <option key={days} value={days}>{days ? t("inDays", { days: Number(days) }) : t("never")}</option>
          ))}
        </SelectField>
        <SubmitButton pending={pending} pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}

function RevokeButton({ action, name }: { action: Action; name: string }) {
  const t = useTranslations("tokens.revoke");
  const say = useSay();
  const [state, formAction, pending] = useActionState(action, IDLE_ACTION);
  const { ask, dialog } = useConfirm({
    title: t.rich("title", { name, token: (chunks) => <bdi>{chunks}</bdi> }),
    body: t("body"),
    action: t("action"),
  });
  return (
    <form action={formAction} onSubmit={confirmBeforeSubmit(ask, formAction)}>
      <button type="submit" {...whilePending(pending)} aria-label={t("label", { name })}
        className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50 aria-disabled:opacity-60">
        {pending ? t("pending") : t("button")}
      </button>
      {state.status === "error" && state.message && <p className="mt-1 text-sm text-red-700">{say(state.message)}</p>}
      {dialog}
    </form>
  );
}

/** A user's tokens; each live one comes with its bound revoke action. */
export function TokenList({ tokens }: { tokens: (TokenView & { revoke: Action })[] }) {
  const t = useTranslations("tokens.list");
  if (tokens.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  const when = (d: Date | null) => (d ? <Time value={d} /> : t("never"));
  return (
    <ScrollBox label={t("label")} className="rounded-lg border border-slate-200">
      <table className="w-full text-start text-sm">
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">{t("name")}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t("created")}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t("lastUsed")}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t("expires")}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t("status")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tokens.map((token) => (
            <tr key={token.id}>
              <td dir="auto" className="max-w-[14rem] truncate px-3 py-2 font-medium">{token.name}</td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-700">{when(token.createdAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-700">{when(token.lastUsedAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-700">{when(token.expiresAt)}</td>
              <td className="px-3 py-2 text-end">
                {token.revokedAt ? (
                  <span className="text-slate-600">{t.rich("revoked", { when: () => when(token.revokedAt) })}</span>
                ) : token.expired ? (
                  <span className="text-slate-600">{t("expired")}</span>
                ) : (
                  <RevokeButton action={token.revoke} name={token.name} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
