import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "../auth/session";
import { DEFAULT_LOCALE, LOCALE_COOKIE, matchAcceptLanguage, matchLocale, TIME_ZONE_COOKIE, validTimeZone } from "./config";
import { loadMessages } from "./messages";
import { getMessageFallback } from "./translate";

/**
 * The language and time zone of this request's pages (next-intl, without locale prefixes in the
 * URL): the signed-in person's preferredLanguage ("de-CH" → German; "zh-Hant" falls through),
 * else the language menu's cookie, else Accept-Language, else English. Times use the time zone
 * the person's browser last reported, remembered on their account, else UTC.
 */
export default getRequestConfig(async () => {
  const [user, jar, request] = await Promise.all([currentUser(), cookies(), headers()]);
  const locale =
    matchLocale(user?.preferredLanguage) ??
    matchLocale(jar.get(LOCALE_COOKIE)?.value) ??
    matchAcceptLanguage(request.get("accept-language")) ??
    DEFAULT_LOCALE;
  const timeZone = validTimeZone(jar.get(TIME_ZONE_COOKIE)?.value) ?? validTimeZone(user?.timeZone) ?? "UTC";
  return { locale, timeZone, messages: await loadMessages(locale), getMessageFallback };
});
