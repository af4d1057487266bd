import type { ActionState } from "@/lib/http/form-state";
import { Alert } from "./alert";

/** What a form's last answer said, announced; a new answer replaces the old one. */
export function ActionResult({ state }: { state: ActionState }) {
  return (
    <div aria-live="polite" className="empty:hidden">
      {state.message && <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert>}
    </div>
  );
}
