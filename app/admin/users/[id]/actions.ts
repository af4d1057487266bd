"use server";

import { revalidatePath } from "next/cache";
import { formAction, idArgument, PROFILE_FORM_FIELDS, submitProfileForm } from "@/lib/http/form";
import { done, type ProfileFormState } from "@/lib/http/form-state";
import { changeRole, resetPassword } from "@/lib/profile/admin";
import { sentence } from "@/lib/i18n/sentence";

const userPage = (userId: string) => `/admin/users/${userId}`;

export const saveUserProfile = formAction<[typeof idArgument], ProfileFormState>(
  { args: [idArgument], fields: PROFILE_FORM_FIELDS },
  async ({ caller, args: [userId], values }) => {
    const state = await submitProfileForm(caller, userId, values, "ADMIN");
    if (state.status === "saved") revalidatePath(userPage(userId));
    return state;
  },
);

export const changeUserRole = formAction({ args: [idArgument], fields: ["role"] }, async ({ caller, args: [userId], values }) => {
  await changeRole(caller, userId, values.role);
  revalidatePath(userPage(userId));
  return done(sentence("roleChanged"), { values });
});

export const resetUserPassword = formAction(
  { args: [idArgument], fields: ["password", "revokeTokens", "currentPassword"], secret: ["password", "currentPassword"] },
  async ({ caller, args: [userId], values }) => {
    const { generatedPassword, revokedTokens } = await resetPassword(caller, userId, values);
    revalidatePath(userPage(userId));
    return generatedPassword
      ? done(sentence("passwordReset", { tokens: revokedTokens }), { secret: generatedPassword })
      : done(sentence("passwordSet", { tokens: revokedTokens }));
  },
);
