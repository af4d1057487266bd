"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { formAction, idArgument } from "@/lib/http/form";
import { done } from "@/lib/http/form-state";

/** Server actions of the token list, shown on /settings/tokens and on an admin's user page. */

export const createTokenAction = formAction({ fields: ["name", "expiresInDays"] }, async ({ caller, values }) => {
  const { token, view } = await createApiToken(caller, values);
  revalidatePath("/settings/tokens");
  return done(`Token “${view.name}” was created. Copy it now: it is shown only once.`, { secret: token });
});

/** Revokes a token of the signed-in person, or of a user they administer. */
export const revokeTokenAction = formAction({ args: [idArgument] }, async ({ caller, args: [tokenId] }) => {
  const { userId } = await revokeApiToken(caller, tokenId);
  revalidatePath("/settings/tokens");
  revalidatePath(`/admin/users/${userId}`);
  return done("The token was revoked.");
});
