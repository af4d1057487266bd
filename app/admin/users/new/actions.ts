"use server";

import { formAction } from "@/lib/http/form";
import { done } from "@/lib/http/form-state";
import { createUser } from "@/lib/profile/admin";
import { PROFILE_FIELDS } from "@/lib/profile/schema";

const CREATE_FIELDS = ["username", ...PROFILE_FIELDS, "role", "orgId", "password"];

export const createUserAction = formAction({ fields: CREATE_FIELDS, secret: ["password"] }, async ({ caller, values }) => {
  const { user, generatedPassword } = await createUser(caller, values);
  const message = `${user.displayName} (${user.username}) was created.${generatedPassword ? " Give them this password; it is shown only now:" : ""}`;
  return done(message, { secret: generatedPassword, href: `/admin/users/${user.id}` });
});
