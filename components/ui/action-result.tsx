import { FIX_FIELDS, type ActionState } from "@/lib/http/form-state";
import { Alert } from "./alert";
import { useSay } from "./use-say";

/**
 * What a form's last answer said, announced; a new answer replaces the old one, and so does a
 * submit the form's schema refused in the browser (`refused`).
 */
export function ActionResult({ state, refused = false }: { state: ActionState; refused?: boolean }) {
  const say = useSay();
  const message = refused ? FIX_FIELDS : state.message;
  return (
    <div aria-live="polite" className="empty:hidden">
      {message && <Alert tone={!refused && state.status === "ok" ? "success" : "error"}>{say(message)}</Alert>}
    </div>
  );
}
