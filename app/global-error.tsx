"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { NextIntlClientProvider, useTranslations } from "next-intl";
import { RequestReference } from "@/components/ui/request-reference";
import { DEFAULT_LOCALE, directionOf, matchLocale, type Locale } from "@/lib/i18n/config";
import english from "@/lib/i18n/messages/en/common.json";
import "./globals.css";

type Catalogue = Record<string, unknown>;

/**
 * This page replaces the root layout, so it has no catalogues from the server: English is built in
 * (for the server's render and as the fallback), the browser's language is fetched when it is another.
 */
const CATALOGUES: Record<Locale, () => Promise<{ default: Catalogue }>> = {
  en: async () => ({ default: english }),
  de: () => import("@/lib/i18n/messages/de/common.json"),
  fr: () => import("@/lib/i18n/messages/fr/common.json"),
  es: () => import("@/lib/i18n/messages/es/common.json"),
  ja: () => import("@/lib/i18n/messages/ja/common.json"),
  ar: () => import("@/lib/i18n/messages/ar/common.json"),
};

const noChanges = () => () => {};
/** The language menu's cookie is not readable here: the browser's languages are what is left. */
function browserLocale(): Locale {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** When even the layout failed (the database away while reading the signed-in user). */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const wanted = useSyncExternalStore(noChanges, browserLocale, () => DEFAULT_LOCALE);
  const [shown, setShown] = useState<{ locale: Locale; common: Catalogue }>({ locale: DEFAULT_LOCALE, common: english });
  useEffect(() => {
    if (wanted === DEFAULT_LOCALE) return;
    let current = true;
    CATALOGUES[wanted]()
      // A key the language lacks reads in English; a catalogue that does not load leaves the page in English.
      .then(({ default: common }) => current && setShown({ locale: wanted, common: { ...english, ...common } }))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [wanted]);
  return (
    <html lang={shown.locale} dir={directionOf(shown.locale)}>
      <body className="min-h-screen bg-slate-50 text-slate-900">
        <NextIntlClientProvider locale={shown.locale} messages={{ common: shown.common }} timeZone="UTC" onError={() => {}}>
          <Unavailable digest={error.digest} reset={reset} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

function Unavailable({ digest, reset }: { digest?: string; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <>
      <title>{t("documentTitle", { page: t("unavailable.title"), product: t("product") })}</title>
      <main className="mx-auto mt-16 max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">{t("unavailable.heading", { product: t("product") })}</h1>
        <p className="mt-2 text-sm text-slate-700">{t("unavailable.body")}</p>
        <RequestReference digest={digest} />
        <button type="button" onClick={reset} className="mt-6 rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
          {t("unavailable.retry")}
        </button>
      </main>
    </>
  );
}
