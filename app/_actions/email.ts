"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/http/form";
import { done, type ActionState } from "@/lib/http/form-state";
import { asProfileError } from "@/lib/http/known-error";
import { cancelEmailChange, confirmEmail, LINK_MESSAGES, reportEmailChange, resendEmailLink } from "@/lib/profile/email";

/** Server actions on one's email: resend and cancel on /profile; the links' pages, which need no session. */

/** The profile page's email panel: send the link again, or cancel the change (the button pressed says which). */
export const manageEmailAction = formAction({ fields: ["intent"] }, async ({ caller, values }) => {
  let message: string;
  if (values.intent === "cancel") {
    const email = await cancelEmailChange(caller);
    message = email ? `The change to ${email} was cancelled; its link no longer works.` : "There was no change to cancel.";
  } else {
    const email = await resendEmailLink(caller);
    message = `A new link was sent to ${email}. Earlier links no longer work.`;
  }
  revalidatePath("/profile");
  return done(message);
});

const linkToken = z.string().regex(/^[\w-]{20,100}$/);

/** An action behind a link: the token from the form, and the service's refusal said as the page says it. */
function linkAction(run: (token: string) => Promise<ActionState>) {
  return async (_state: ActionState, formData: unknown): Promise<ActionState> => {
    const token = linkToken.safeParse(formData instanceof FormData ? formData.get("token") : null);
    if (!token.success) return { status: "error", message: LINK_MESSAGES.unknown };
    try {
      return await run(token.data);
    } catch (thrown) {
      const error = asProfileError(thrown);
      if (!error) throw thrown;
      const message = error.code === "CONFLICT" ? "Another account uses this address now, so your email was not changed." : error.message;
      return { status: "error", message };
    }
  };
}

export const confirmEmailAction = linkAction(async (token) => {
  const { email, changed } = await confirmEmail(token);
  return done(changed ? `Your email address is now ${email}.` : `Thank you: ${email} is confirmed.`);
});

export const reportEmailAction = linkAction(async (token) => {
  const { restored, sessionsEnded, tokensRevoked } = await reportEmailChange(token);
  const put = restored ? `${restored} is the account's email address again.` : "Another account uses your old address now, so it could not be put back.";
  return done(
    `${put} ${sessionsEnded} session${sessionsEnded === 1 ? " was" : "s were"} signed out and ${tokensRevoked} API token${tokensRevoked === 1 ? " was" : "s were"} revoked. ` +
      "Sign in and change your password now, or ask an administrator to reset it.",
  );
});
