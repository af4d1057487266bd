import type { SecurityEventView } from "@/lib/auth/events";
import { describeUserAgent } from "@/lib/http/user-agent";
import { Time } from "../ui/time";
import { describeWait } from "@/lib/profile/errors";
import { ROLE_LABELS, type Role } from "@/lib/profile/schema";


const count = (n: unknown, noun: string) => `${Number(n) || 0} ${noun}${Number(n) === 1 ? "" : "s"}`;

function describe(event: SecurityEventView, viewerId: string): string {
  const d = event.detail;
  const by = event.actor ? (event.actor.id === viewerId ? " by you" : ` by ${event.actor.displayName}`) : "";
  switch (event.type) {
    case "SIGN_IN": return "Signed in";
    case "SIGN_IN_FAILED": return d.via === "current password" ? "Wrong current password entered" : `Failed sign-in (wrong password${d.via === "basic auth" ? ", over the Camunda API" : ""})`;
    case "LOCKED_OUT": return `Further attempts blocked for ${describeWait(Number(d.seconds) || 60)} after repeated failures`;
    case "SIGNED_OUT": return "Signed out";
    case "SESSION_ENDED": return `${d.sessions ? `${d.sessions} session${d.sessions === 1 ? "" : "s"}` : "A session"} ended${by}`;
    case "PASSWORD_CHANGED": return "Password changed";
    case "PASSWORD_RESET": return `Password reset${by}${d.tokensRevoked ? `; ${d.tokensRevoked} API token${d.tokensRevoked === 1 ? "" : "s"} revoked` : ""}`;
    case "TOKEN_CREATED": return `API token “${d.token}” created`;
    case "TOKEN_REVOKED": return `API token “${d.token}” revoked${by}`;
    case "TOKEN_REFUSED": return `API token “${d.token}” refused (${d.reason})`;
    case "ROLE_CHANGED": return `Role changed from ${ROLE_LABELS[d.from as Role] ?? d.from} to ${ROLE_LABELS[d.to as Role] ?? d.to}${by}`;
    case "EMAIL_CHANGE_REPORTED":
      return `An email change was reported as not made by the owner: ${d.restored ? `${d.restored} put back, ` : ""}${count(d.sessionsEnded, "session")} ended, ${count(d.tokensRevoked, "API token")} revoked`;
  }
}

/** Sign-ins, lockouts, password, token, role and session changes, newest first. */
export function SecurityEvents({ events, viewerId }: { events: SecurityEventView[]; viewerId: string }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">Nothing yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {events.map((event) => (
        <li key={event.id} className="px-4 py-3 text-sm">
          <p className="font-medium text-slate-900">{describe(event, viewerId)}</p>
          <p className="mt-0.5 text-slate-600">
            <Time value={event.createdAt} />
            {event.address && <> · {event.address}</>}
            {event.userAgent && <> · {describeUserAgent(event.userAgent)}</>}
          </p>
        </li>
      ))}
    </ol>
  );
}
