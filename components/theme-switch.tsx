import { useTranslations } from "next-intl";
import { setThemeAction } from "@/app/_actions/theme";
import { THEMES, type Theme } from "@/lib/http/theme";

/** Three buttons, the current one pressed; a plain form post, so it works without JavaScript. */
export function ThemeSwitch({ current }: { current: Theme }) {
  const t = useTranslations("common.theme");
  return (
    <form action={setThemeAction}>
      <div role="group" aria-label={t("label")} className="flex rounded-md border border-slate-300 p-0.5 text-xs">
        {THEMES.map((theme) => (
          <button
            key={theme}
            type="submit"
            name="theme"
            value={theme}
            aria-pressed={theme === current}
            className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 aria-pressed:bg-slate-800 aria-pressed:text-white"
          >
            {t(theme)}
          </button>
        ))}
      </div>
    </form>
  );
}
