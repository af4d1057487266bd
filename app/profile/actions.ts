"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { submitProfileForm } from "@/lib/http/form";
import type { ProfileFormState } from "@/lib/profile/form-state";

/** Saves the signed-in person's own profile (the /profile form, with or without JavaScript). */
export async function saveOwnProfile(_prev: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  const user = await currentUser();
  const state = await submitProfileForm(user, user?.id ?? "", formData, "UI");
  if (state.status === "saved") revalidatePath("/profile");
  return state;
}
