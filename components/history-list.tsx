import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ProfileEventView } from "@/lib/profile/types";
import { Time } from "./ui/time";
import { useFieldValue } from "./use-field-value";

/** What events record besides the profile's fields (lib/profile/types.ts), in the "profile" catalogue. */
const OWN_LABELS = new Set(["pendingEmail", "emailVerified"]);

/** A timeline of profile changes: when, who, through which surface, and each field's old → new. */
export function HistoryList({ events, emptyText, viewerId }: { events: ProfileEventView[]; emptyText: string; viewerId: string }) {
  const t = useTranslations("profile.history");
  const fields = useTranslations("fields");
  const read = useFieldValue();
  if (events.length === 0) return <p className="text-sm text-slate-500">{emptyText}</p>;

  const label = (field: string) => (OWN_LABELS.has(field) ? t(field) : fields.has(field) ? fields(field) : field);
  const value = (field: string, v: string | null): ReactNode => {
    if (v == null || v === "") return <span className="italic text-slate-500">{t("empty")}</span>;
    if (field === "emailVerified") return v === "true" ? t("yes") : t("no");
    const named = read(field, v);
    return named === v ? <bdi>{v}</bdi> : named;
  };

  return (
    <ol className="space-y-4">
      {events.map((event) => (
        <li key={event.sequence} className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">
            {t.rich("summary", {
              when: () => <span className="font-medium text-slate-800"><Time value={event.createdAt} /></span>,
              who: !event.actor ? "deleted" : event.actor.id === viewerId ? "you" : "other",
              name: event.actor?.displayName ?? "",
              person: (chunks) => <bdi>{chunks}</bdi>,
              hasToken: event.token ? "yes" : "no",
              token: event.token?.name ?? "",
              tokenName: (chunks) => <bdi>{chunks}</bdi>,
              via: t(`via.${event.via}`),
              version: String(event.sequence),
            })}
          </p>
          <ul className="mt-2 space-y-1 text-sm">
            {Object.entries(event.changes).map(([field, change]) => (
              <li key={field}>
                {field === "password"
                  ? t.rich("passwordReset", { label: (chunks) => <span className="font-medium">{chunks}</span> })
                  : t.rich("change", {
                      field: label(field),
                      label: (chunks) => <span className="font-medium">{chunks}</span>,
                      from: () => value(field, change.from),
                      to: () => value(field, change.to),
                    })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
