"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { formAction, idArgument } from "@/lib/http/form";
import { done } from "@/lib/http/form-state";
import { sentence } from "@/lib/i18n/sentence";

/** Server actions of the token list, shown on /settings/tokens and on an admin's user page. */

export const createTokenAction = formAction({ fields: ["name", "expiresInDays"] }, async ({ caller, values }) => {
  const { token, view } = await createApiToken(caller, values);
  revalidatePath("/settings/tokens");
  return done(sentence("tokenCreated", { name: view.name }), { secret: token });
});

/** Revokes a token of the signed-in person, or of a user they administer. */
export const revokeTokenAction = formAction({ args: [idArgument] }, async ({ caller, args: [tokenId] }) => {
  const { userId } = await revokeApiToken(caller, tokenId);
  revalidatePath("/settings/tokens");
  revalidatePath(`/admin/users/${userId}`);
  return done(sentence("tokenRevoked"));
});
