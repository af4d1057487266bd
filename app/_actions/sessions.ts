"use server";

import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth";
import { endAllSessions, endSession } from "@/lib/auth/session-store";
import { formAction, idArgument } from "@/lib/http/form";
import { done } from "@/lib/http/form-state";
import { sentence } from "@/lib/i18n/sentence";

/** Server actions on sessions: the header's sign-out, and the session lists of /settings/security and an admin's user page. */

/** Signs out: the session ends on the server, and the cookie goes. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

const revalidateLists = () => {
  revalidatePath("/settings/security");
  revalidatePath("/admin/users/[id]", "page");
};

/** Ends one session of the caller's, or of a user they administer. */
export const endSessionAction = formAction({ args: [idArgument] }, async ({ caller, args: [sessionId] }) => {
  await endSession(caller, sessionId);
  revalidateLists();
  return done(sentence("sessionEnded"));
});

/** Signs out everywhere but here: the caller's other sessions, or all of a user they administer. */
export const endAllSessionsAction = formAction({ args: [idArgument] }, async ({ caller, args: [userId] }) => {
  const count = await endAllSessions(caller, userId);
  revalidateLists();
  return done(sentence("sessionsEnded", { count }));
});
