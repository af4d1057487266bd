"use server";

import { currentUser } from "@/lib/auth/session";
import { runAction, textFields } from "@/lib/http/form";
import { createUser } from "@/lib/profile/admin";
import type { ActionState } from "@/lib/profile/form-state";

const CREATE_FIELDS = [
  "username", "email", "firstName", "lastName", "displayName", "nickName", "preferredLanguage", "gender", "role", "orgId", "password",
] as const;

export async function createUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = textFields(formData, CREATE_FIELDS);
  const kept = { ...values, password: "" }; // a typed password is never sent back to the page
  return runAction(await currentUser(), kept, async (caller) => {
    const { user, generatedPassword } = await createUser(caller, values);
    return {
      status: "ok",
      message: `${user.displayName} (${user.username}) was created.${generatedPassword ? " Give them this password; it is shown only now:" : ""}`,
      secret: generatedPassword,
      href: `/admin/users/${user.id}`,
    };
  });
}
