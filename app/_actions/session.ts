"use server";

import { signOut } from "@/lib/auth";

/** Signs out from the header of every page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
