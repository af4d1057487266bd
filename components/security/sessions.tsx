import type { SessionView } from "@/lib/auth/session-store";
import type { ActionState } from "@/lib/http/form-state";
import { describeUserAgent } from "@/lib/http/user-agent";
import { ActionButton } from "../ui/action-button";
import { SessionList } from "./session-list";

type EndAction = (sessionId: string, state: ActionState, formData: FormData) => Promise<ActionState>;

interface Props {
  sessions: SessionView[];
  /** The viewer's own session: marked, and never offered for ending (that is "Sign out"). */
  currentSessionId: string;
  end: EndAction;
  /** Ends all of them but the viewer's own. */
  endAll: (state: ActionState, formData: FormData) => Promise<ActionState>;
  endAllLabel: string;
}

/** A user's live sessions with a way to end each or all: on one's security page and on an admin's user page. */
export function Sessions({ sessions, currentSessionId, end, endAll, endAllLabel }: Props) {
  return (
    <>
      <SessionList
        sessions={sessions.map((s) => ({
          ...s,
          device: describeUserAgent(s.userAgent),
          current: s.id === currentSessionId,
          end: end.bind(null, s.id),
        }))}
      />
      <ActionButton
        action={endAll}
        label={endAllLabel}
        pendingLabel="Ending…"
        confirm={{ title: `${endAllLabel}?`, body: "Every browser listed here is signed out at once.", action: "Sign them out" }}
      />
    </>
  );
}
