"use server";

import { cookies } from "next/headers";
import { THEME_COOKIE, themeChoice } from "@/lib/http/theme";

/** The header's theme switch: remembered per browser for a year; "system" forgets the choice. */
export async function setThemeAction(formData: unknown): Promise<void> {
  // A client may call the action with anything: only the form's own field counts.
  const theme = themeChoice(formData instanceof FormData ? formData.get("theme") : null);
  const jar = await cookies();
  if (theme === "system") jar.delete(THEME_COOKIE);
  // Not a secret (so not Secure-only: it must work on http://localhost too), but no script needs it.
  else jar.set(THEME_COOKIE, theme, { maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true, path: "/" });
}
