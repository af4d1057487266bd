"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { runAction, submitProfileForm, textFields } from "@/lib/http/form";
import { changeRole, resetPassword } from "@/lib/profile/admin";
import type { ActionState, ProfileFormState } from "@/lib/profile/form-state";

export async function saveUserProfile(userId: string, _prev: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  const state = await submitProfileForm(await currentUser(), userId, formData, "ADMIN");
  if (state.status === "saved") revalidatePath(`/admin/users/${userId}`);
  return state;
}

export async function changeUserRole(userId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = textFields(formData, ["role"]);
  return runAction(await currentUser(), values, async (caller) => {
    await changeRole(caller, userId, values.role);
    revalidatePath(`/admin/users/${userId}`);
    return { status: "ok", message: "The role was changed.", values };
  });
}

export async function resetUserPassword(userId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = textFields(formData, ["password"]);
  return runAction(await currentUser(), {}, async (caller) => {
    const { generatedPassword } = await resetPassword(caller, userId, values);
    revalidatePath(`/admin/users/${userId}`);
    return generatedPassword
      ? { status: "ok", message: "The password was reset. Give the new password to the user; it is shown only now.", secret: generatedPassword }
      : { status: "ok", message: "The password was changed." };
  });
}
