import { getLocale, getTranslations } from "next-intl/server";
import { setLanguageAction } from "@/app/_actions/locale";
import { ownLanguageName } from "@/lib/format";
import { LOCALES, type Locale } from "@/lib/i18n/config";

/** Each language in its own name: what a person looks for when the page is in a language they cannot read. */
const ownName = (locale: Locale) => ownLanguageName(locale) ?? locale;

/**
 * The language menu (header and /login): a disclosure of plain submit buttons, so it works with
 * the keyboard and without JavaScript. For a signed-in person the choice becomes their preferredLanguage.
 */
export async function LanguageMenu() {
  const [current, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <details className="group relative text-sm">
      <summary className="flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <span className="sr-only">{t("language")}: </span>
        <span lang={current}>{ownName(current as Locale)}</span>
        <span aria-hidden className="text-xs text-slate-500 group-open:rotate-180">▾</span>
      </summary>
      <form action={setLanguageAction} className="absolute end-0 z-10 mt-1 min-w-40 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <ul aria-label={t("language")}>
          {LOCALES.map((locale) => (
            <li key={locale}>
              <button
                type="submit"
                name="locale"
                value={locale}
                lang={locale}
                aria-current={locale === current ? "true" : undefined}
                className="block w-full rounded px-3 py-1.5 text-start text-slate-700 hover:bg-slate-100 aria-[current]:font-semibold aria-[current]:text-slate-900"
              >
                {ownName(locale)}
              </button>
            </li>
          ))}
        </ul>
      </form>
    </details>
  );
}
