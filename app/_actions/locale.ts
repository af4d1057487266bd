"use server";

import { cookies } from "next/headers";
import { currentUser } from "@/lib/auth/session";
import { isLocale, LOCALE_COOKIE, matchLocale, TIME_ZONE_COOKIE, validTimeZone } from "@/lib/i18n/config";
import { db } from "@/lib/db/client";
import { asProfileError } from "@/lib/http/known-error";
import { updateProfile } from "@/lib/profile/service";

const YEAR = 365 * 24 * 3600;
// Preferences, not secrets (so not Secure-only: they must work on http://localhost), and no script reads them.
const PREFERENCE = { maxAge: YEAR, sameSite: "lax", httpOnly: true, path: "/" } as const;

/**
 * The language menu: remembered in this browser, and for a signed-in person saved as their
 * preferredLanguage through the service (so the history shows it). A tag that already means this
 * language ("de-CH" for German) is kept. Setting the cookie re-renders the page in the new language.
 */
export async function setLanguageAction(formData: unknown): Promise<void> {
  // A client may call the action with anything: only the form's own field counts.
  const locale = formData instanceof FormData ? formData.get("locale") : null;
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, PREFERENCE);
  const user = await currentUser();
  if (!user || user.mustChangePassword || matchLocale(user.preferredLanguage) === locale) return;
  try {
    await updateProfile(user, user.id, { preferredLanguage: locale }, { via: "UI" });
  } catch (thrown) {
    // Read-only mode or a database away: the browser still remembers the choice.
    if (!asProfileError(thrown)) throw thrown;
  }
}

/** The browser's time zone (components/time-zone-sync.tsx): remembered in the browser and on the account. */
export async function setTimeZoneAction(value: unknown): Promise<void> {
  const timeZone = validTimeZone(value);
  if (!timeZone) return;
  (await cookies()).set(TIME_ZONE_COOKIE, timeZone, PREFERENCE);
  const user = await currentUser();
  if (user && user.timeZone !== timeZone) {
    await (await db()).user.update({ where: { id: user.id }, data: { timeZone } });
  }
}
