"use server";

import { revalidatePath } from "next/cache";
import { formAction, idArgument, PROFILE_FORM_FIELDS, submitProfileForm } from "@/lib/http/form";
import { done, type ProfileFormState } from "@/lib/http/form-state";
import { changeRole, resetPassword } from "@/lib/profile/admin";

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
  return done("The role was changed.", { values });
});

export const resetUserPassword = formAction(
  { args: [idArgument], fields: ["password", "revokeTokens", "currentPassword"], secret: ["password", "currentPassword"] },
  async ({ caller, args: [userId], values }) => {
    const { generatedPassword, revokedTokens } = await resetPassword(caller, userId, values);
    revalidatePath(userPage(userId));
    const tokens = revokedTokens ? ` ${revokedTokens} API token${revokedTokens === 1 ? " was" : "s were"} revoked.` : "";
    return generatedPassword
      ? done(`The password was reset and their sessions ended.${tokens} Give them the new password; it is shown only now.`, { secret: generatedPassword })
      : done(`The password was changed and their sessions ended.${tokens}`);
  },
);
