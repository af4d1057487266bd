"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/http/form";
import { done, type ActionState } from "@/lib/http/form-state";
import { asProfileError } from "@/lib/http/known-error";
import { cancelEmailChange, confirmEmail, LINK_MESSAGES, reportEmailChange, resendEmailLink } from "@/lib/profile/email";
import { sentence } from "@/lib/i18n/sentence";

/** Server actions on one's email: resend and cancel on /profile; the links' pages, which need no session. */

/** The profile page's email panel: send the link again, or cancel the change (the button pressed says which). */
export const manageEmailAction = formAction({ fields: ["intent"] }, async ({ caller, values }) => {
  let message: string;
  if (values.intent === "cancel") {
    const email = await cancelEmailChange(caller);
    message = email ? sentence("emailChangeCancelled", { email }) : sentence("noEmailChange");
  } else {
    const email = await resendEmailLink(caller);
    message = sentence("emailLinkResent", { email });
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
      const message = error.code === "CONFLICT" ? sentence("emailTakenMeanwhile") : error.message;
      return { status: "error", message };
    }
  };
}

export const confirmEmailAction = linkAction(async (token) => {
  const { email, changed } = await confirmEmail(token);
  return done(sentence(changed ? "emailChanged" : "emailConfirmed", { email }));
});

export const reportEmailAction = linkAction(async (token) => {
  const { restored, sessionsEnded, tokensRevoked } = await reportEmailChange(token);
  const values = { sessions: sessionsEnded, tokens: tokensRevoked };
  return done(restored ? sentence("emailRestored", { email: restored, ...values }) : sentence("emailNotRestored", values));
});
