"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changeOwnPassword } from "@/lib/auth/account";
import { formAction } from "@/lib/http/form";
import { done } from "@/lib/http/form-state";
import { sentence } from "@/lib/i18n/sentence";

const PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword"];

export const changePasswordAction = formAction(
  { fields: PASSWORD_FIELDS, secret: PASSWORD_FIELDS, passwordChange: true },
  async ({ caller, values }) => {
    await changeOwnPassword(caller, values);
    // A password an administrator chose is replaced: on to the rest of the app.
    if (caller.mustChangePassword) redirect("/profile");
    revalidatePath("/settings/security");
    return done(sentence("passwordChanged"));
  },
);
