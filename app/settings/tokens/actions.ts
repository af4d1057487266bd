"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { runAction, textFields } from "@/lib/http/form";
import type { ActionState } from "@/lib/profile/form-state";

export async function createTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = textFields(formData, ["name"]);
  return runAction(await currentUser(), values, async (caller) => {
    const { token, view } = await createApiToken(caller, values.name);
    revalidatePath("/settings/tokens");
    return { status: "ok", message: `Token “${view.name}” was created. Copy it now: it is shown only once.`, secret: token };
  });
}

/** Revokes a token of the signed-in person, or of a user they administer (then `back` is that user's page). */
export async function revokeTokenAction(tokenId: string, back: string): Promise<ActionState> {
  return runAction(await currentUser(), {}, async (caller) => {
    await revokeApiToken(caller, tokenId);
    revalidatePath(back);
    return { status: "ok", message: "The token was revoked." };
  });
}
