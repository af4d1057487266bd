import { useTranslations } from "next-intl";
import type { SessionView } from "@/lib/auth/session-store";
import type { ActionState } from "@/lib/http/form-state";
import { describeUserAgent } from "@/lib/http/user-agent";
import { ActionButton } from "../ui/action-button";
import { SessionList } from "./session-list";
import { useSay } from "../ui/use-say";

type EndAction = (sessionId: string, state: ActionState, formData: FormData) => Promise<ActionState>;

interface Props {
  sessions: SessionView[];
  /** The viewer's own session: marked, and never offered for ending (that is "Sign out"). */
  currentSessionId: string;
  end: EndAction;
  /** Ends all of them but the viewer's own. */
  endAll: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** The end-all button's label, in the reader's language. */
  endAllLabel: string;
  /** The question before ending them all; by default the label as a question ("Sign out everywhere else?"). */
  endAllQuestion?: string;
}

/** A user's live sessions with a way to end each or all: on one's security page and on an admin's user page. */
export function Sessions({ sessions, currentSessionId, end, endAll, endAllLabel, endAllQuestion }: Props) {
  const t = useTranslations("security.sessions");
  const say = useSay();
  return (
    <>
      <SessionList
        sessions={sessions.map((s) => ({
          ...s,
          device: say(describeUserAgent(s.userAgent)),
          current: s.id === currentSessionId,
          end: end.bind(null, s.id),
        }))}
      />
      <ActionButton
        action={endAll}
        label={endAllLabel}
        pendingLabel={t("ending")}
        confirm={{ title: endAllQuestion ?? t("endAllTitle", { action: endAllLabel }), body: t("endAllBody"), action: t("endAllAction") }}
      />
    </>
  );
}
