import { db } from "../db/client";
import { fieldError, validate } from "../profile/errors";
import { passwordChangeForm } from "../profile/schema";
import { assertCurrentPassword } from "./credentials";
import { recordSecurityEvent } from "./events";
import { hashPassword } from "./password";
import { assertStrongPassword } from "./password-policy";
import { endUserSessions, type SessionUser } from "./session-store";
import { sentence } from "../i18n/sentence";

/** Whether any demo account (published password) exists: the UI warns until they are gone. */
export async function demoAccountsExist(): Promise<boolean> {
  const client = await db();
  return (await client.user.findFirst({ where: { demo: true }, select: { id: true } })) !== null;
}

/**
 * People change their own password: the current one first (throttled like a sign-in), then a new
 * one that is long and hard to guess. Every other session of theirs ends; this one stays.
 */
export async function changeOwnPassword(caller: SessionUser, input: unknown): Promise<void> {
  const { currentPassword, newPassword } = validate(passwordChangeForm, input);
  await assertCurrentPassword(caller.id, currentPassword, "Enter your current password");
  const client = await db();
  const user = await client.user.findUniqueOrThrow({
    where: { id: caller.id },
    select: { username: true, email: true, firstName: true, lastName: true },
  });
  if (newPassword === currentPassword) throw fieldError("INVALID", "newPassword", sentence("samePassword"));
  await assertStrongPassword(newPassword, "newPassword", { username: user.username, email: user.email, names: [user.firstName, user.lastName] });
  const passwordHash = await hashPassword(newPassword);
  await client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: caller.id }, data: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: false } });
    const ended = await endUserSessions(caller.id, "password changed", { except: caller.sessionId, tx });
    await recordSecurityEvent("PASSWORD_CHANGED", { userId: caller.id, detail: { otherSessionsEnded: ended } }, tx);
  });
}
