"use server";

import { revalidatePath } from "next/cache";
import { formAction, PROFILE_FORM_FIELDS, submitProfileForm } from "@/lib/http/form";
import type { ProfileFormState } from "@/lib/http/form-state";

/** Saves the signed-in person's own profile (the /profile form, with or without JavaScript). */
export const saveOwnProfile = formAction<[], ProfileFormState>({ fields: PROFILE_FORM_FIELDS }, async ({ caller, values }) => {
  const state = await submitProfileForm(caller, caller.id, values, "UI");
  if (state.status === "saved") revalidatePath("/profile");
  return state;
});
