"use server";

import { formAction } from "@/lib/http/form";
import { done } from "@/lib/http/form-state";
import { createUser } from "@/lib/profile/admin";
import { PROFILE_FIELDS } from "@/lib/profile/schema";
import { sentence } from "@/lib/i18n/sentence";

const CREATE_FIELDS = ["username", ...PROFILE_FIELDS, "role", "orgId", "password"];

export const createUserAction = formAction({ fields: CREATE_FIELDS, secret: ["password"] }, async ({ caller, values }) => {
  const { user, generatedPassword } = await createUser(caller, values);
  const message = sentence(generatedPassword ? "userCreatedWithPassword" : "userCreated", { name: user.displayName, username: user.username });
  return done(message, { secret: generatedPassword, href: `/admin/users/${user.id}` });
});
