import type { Metadata } from "next";
import Link from "next/link";
import { cookies, headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { LanguageMenu } from "@/components/language-menu";
import { ThemeSwitch } from "@/components/theme-switch";
import { RouteFocus } from "@/components/route-focus";
import { TimeZoneSync } from "@/components/time-zone-sync";
import { directionOf, type Locale } from "@/lib/i18n/config";
import { browserMessages } from "@/lib/i18n/messages";
import { THEME_COOKIE, themeChoice } from "@/lib/http/theme";
import { currentUser } from "@/lib/auth/session";
import { demoAccountsExist } from "@/lib/auth/account";
import { env } from "@/lib/env";
import { isAdmin } from "@/lib/profile/access";
import { signOutAction } from "./_actions/sessions";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("product"), template: `%s · ${t("product")}` },
    description: t("description"),
    icons: ICONS,
    manifest: "/manifest.webmanifest",
  };
}

const ICONS: Metadata["icons"] = {
  icon: [
    { url: "/favicon.ico", sizes: "32x32" },
    { url: "/icon.svg", type: "image/svg+xml" },
  ],
  apple: "/apple-touch-icon.png",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [user, demo, jar, request, locale, t, messages] = await Promise.all([
    currentUser(),
    demoAccountsExist(),
    cookies(),
    headers(),
    getLocale(),
    getTranslations("common"),
    getMessages(),
  ]);
  const theme = themeChoice(jar.get(THEME_COOKIE)?.value);
  return (
    <html lang={locale} dir={directionOf(locale as Locale)} data-theme={theme === "system" ? undefined : theme}>
      <body className="min-h-screen">
        <NextIntlClientProvider messages={browserMessages(messages)}>
          {/* The id of this request, as the access log has it: error pages show it (components/ui/request-reference.tsx). */}
          <meta name="request-id" content={request.get("x-request-id") ?? ""} />
          <RouteFocus />
          <TimeZoneSync />
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
          >
            {t("skipToContent")}
          </a>
          <header className="border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
              <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
                <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-indigo-600 text-sm text-white">
                  P
                </span>
                {t("product")}
              </Link>
              <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                {user && (
                  <nav aria-label={t("accountNav")} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
                    {/* Until a password an administrator set is replaced, nothing else opens: no links to it. */}
                    {!user.mustChangePassword && (
                      <>
                        <Link href="/profile" className="text-slate-700 hover:text-slate-900">
                          {t("nav.profile")}
                        </Link>
                        <Link href="/settings/security" className="text-slate-700 hover:text-slate-900">
                          {t("nav.security")}
                        </Link>
                        <Link href="/settings/tokens" className="text-slate-700 hover:text-slate-900">
                          {t("nav.tokens")}
                        </Link>
                        {isAdmin(user) && (
                          <Link href="/admin/users" className="text-slate-700 hover:text-slate-900">
                            {t("nav.users")}
                          </Link>
                        )}
                        {user.role === "ADMIN" && !env().SMTP_URL && (
                          <Link href="/dev/mail" className="text-slate-700 hover:text-slate-900">
                            {t("nav.outbox")}
                          </Link>
                        )}
                      </>
                    )}
                    <span className="hidden text-slate-500 sm:inline">
                      {t.rich("signedInAs", {
                        name: () => <bdi className="font-medium text-slate-700">{user.username}</bdi>,
                      })}
                    </span>
                    <form action={signOutAction}>
                      <button
                        type="submit"
                        className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100"
                      >
                        {t("signOut")}
                      </button>
                    </form>
                  </nav>
                )}
                <LanguageMenu />
                <ThemeSwitch current={theme} />
              </div>
            </div>
            {/* In the banner landmark: it is about the whole site. */}
            {demo && (
              <div role="note" className="border-t border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-950">
                {t("demoBanner")}
              </div>
            )}
          </header>
          <main id="main" className="mx-auto max-w-5xl px-4 py-8">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
