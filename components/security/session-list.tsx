"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/http/form-state";
import { ActionButton } from "../ui/action-button";
import { Time } from "../ui/time";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export interface SessionRow {
  id: string;
  device: string;
  address: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
  end: Action;
}

/** The live sessions of a user, each with a way to end it (not the one in use: that is "Sign out"). */
export function SessionList({ sessions }: { sessions: SessionRow[] }) {
  const t = useTranslations("security.sessions");
  if (sessions.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {sessions.map((s) => (
        <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
          <div className="min-w-0 flex-1">
            <p className="font-medium text-slate-900">
              {s.device}
              {s.current && <span className="ms-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900">{t("thisBrowser")}</span>}
            </p>
            <p className="text-slate-600">
              {t.rich("seen", {
                created: () => <Time value={s.createdAt} />,
                lastSeen: () => <Time value={s.lastSeenAt} />,
              })}
              {s.address && <> · <bdi>{s.address}</bdi></>}
            </p>
          </div>
          {!s.current && (
            <ActionButton
              action={s.end}
              label={t("end")}
              pendingLabel={t("ending")}
              confirm={{ title: t("endTitle", { device: s.device }), body: t("endBody"), action: t("endAction") }}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
