import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { SecurityEventView } from "@/lib/auth/events";
import { describeUserAgent } from "@/lib/http/user-agent";
import { waitValues } from "@/lib/profile/errors";
import { Time } from "../ui/time";
import { useSay } from "../ui/use-say";

const number = (n: unknown) => Number(n) || 0;

/** One event as a line people read, in their language; names people typed keep their own direction. */
function useDescribe(viewerId: string) {
  const t = useTranslations("security.events");
  const fields = useTranslations("fields");
  const role = (value: unknown) => (fields.has(`roles.${String(value)}`) ? fields(`roles.${String(value)}`) : String(value));
  const tags = {
    who: (chunks: ReactNode) => <bdi>{chunks}</bdi>,
    name: (chunks: ReactNode) => <bdi>{chunks}</bdi>,
    email: (chunks: ReactNode) => <bdi>{chunks}</bdi>,
  };
  return (event: SecurityEventView): ReactNode => {
    const d = event.detail;
    const by = { by: event.actor ? (event.actor.id === viewerId ? "you" : "actor") : "none", actor: event.actor?.displayName ?? "" };
    switch (event.type) {
      case "SIGN_IN": return t("signIn");
      case "SIGN_IN_FAILED":
        return d.via === "current password" ? t("currentPasswordWrong") : d.via === "basic auth" ? t("signInFailedBasic") : t("signInFailed");
      case "LOCKED_OUT": return t("lockedOut", waitValues(number(d.seconds) || 60));
      case "SIGNED_OUT": return t("signedOut");
      case "SESSION_ENDED": return t.rich("sessionEnded", { ...tags, ...by, sessions: number(d.sessions) });
      case "PASSWORD_CHANGED": return t("passwordChanged");
      case "PASSWORD_RESET": return t.rich("passwordReset", { ...tags, ...by, tokens: number(d.tokensRevoked) });
      case "TOKEN_CREATED": return t.rich("tokenCreated", { ...tags, token: String(d.token) });
      case "TOKEN_REVOKED": return t.rich("tokenRevoked", { ...tags, ...by, token: String(d.token) });
      case "TOKEN_REFUSED": return t.rich("tokenRefused", { ...tags, token: String(d.token), reason: String(d.reason) });
      case "ROLE_CHANGED": return t.rich("roleChanged", { ...tags, ...by, from: role(d.from), to: role(d.to) });
      case "EMAIL_CHANGE_REPORTED": {
        const counts = { sessions: number(d.sessionsEnded), tokens: number(d.tokensRevoked) };
        return d.restored
          ? t.rich("emailChangeReportedRestored", { ...tags, ...counts, restored: String(d.restored) })
          : t("emailChangeReported", counts);
      }
    }
  };
}

/** Sign-ins, lockouts, password, token, role and session changes, newest first. */
export function SecurityEvents({ events, viewerId }: { events: SecurityEventView[]; viewerId: string }) {
  const t = useTranslations("security.events");
  const describe = useDescribe(viewerId);
  const say = useSay();
  if (events.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {events.map((event) => (
        <li key={event.id} className="px-4 py-3 text-sm">
          <p className="font-medium text-slate-900">{describe(event)}</p>
          <p className="mt-0.5 text-slate-600">
            <Time value={event.createdAt} />
            {event.address && <> · <bdi>{event.address}</bdi></>}
            {event.userAgent && <> · {say(describeUserAgent(event.userAgent))}</>}
          </p>
        </li>
      ))}
    </ol>
  );
}
