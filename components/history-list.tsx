import type { ProfileEventView } from "@/lib/profile/types";
import { languageName } from "@/lib/format";
import { Time } from "./ui/time";
import { FIELD_LABELS, GENDER_LABELS, ROLE_LABELS, type Gender, type Role } from "@/lib/profile/schema";

const VIA_LABELS = { UI: "profile page", ADMIN: "admin console", ZITADEL_API: "ZITADEL API", CAMUNDA_API: "Camunda API", EMAIL_LINK: "a link sent by email" };
/** What events record besides the profile's fields (lib/profile/types.ts). */
const LABELS: Record<string, string> = { ...FIELD_LABELS, pendingEmail: "New email awaiting confirmation", emailVerified: "Email confirmed", role: "Role", username: "Username" };

function value(field: string, v: string | null) {
  if (v == null || v === "") return <span className="italic text-slate-500">empty</span>;
  if (field === "gender") return GENDER_LABELS[v as Gender] ?? v;
  if (field === "role") return ROLE_LABELS[v as Role] ?? v;
  if (field === "preferredLanguage") return languageName(v);
  if (field === "emailVerified") return v === "true" ? "yes" : "no";
  return <bdi>{v}</bdi>;
}


/** A timeline of profile changes: when, who, through which surface, and each field's old → new. */
export function HistoryList({ events, emptyText, viewerId }: { events: ProfileEventView[]; emptyText: string; viewerId: string }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">{emptyText}</p>;
  return (
    <ol className="space-y-4">
      {events.map((event) => (
        <li key={event.sequence} className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">
            <span className="font-medium text-slate-800"><Time value={event.createdAt} /></span>{" "}
            · by {!event.actor ? "a deleted user" : event.actor.id === viewerId ? "you" : <bdi>{event.actor.displayName}</bdi>}
            {event.token && <> with token “<bdi>{event.token.name}</bdi>”</>} · via {VIA_LABELS[event.via]} · version {event.sequence}
          </p>
          <ul className="mt-2 space-y-1 text-sm">
            {Object.entries(event.changes).map(([field, change]) =>
              field === "password" ? (
                <li key={field}><span className="font-medium">Password</span> was reset</li>
              ) : (
                <li key={field}>
                  <span className="font-medium">{LABELS[field] ?? field}:</span> {value(field, change.from)}{" "}
                  → {value(field, change.to)}
                </li>
              ),
            )}
          </ul>
        </li>
      ))}
    </ol>
  );
}
