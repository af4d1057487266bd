import { setThemeAction } from "@/app/_actions/theme";
import { THEMES, type Theme } from "@/lib/http/theme";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** Three buttons, the current one pressed; a plain form post, so it works without JavaScript. */
export function ThemeSwitch({ current }: { current: Theme }) {
  return (
    <form action={setThemeAction}>
      <div role="group" aria-label="Colour theme" className="flex rounded-md border border-slate-300 p-0.5 text-xs">
        {THEMES.map((theme) => (
          <button
            key={theme}
            type="submit"
            name="theme"
            value={theme}
            aria-pressed={theme === current}
            className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 aria-pressed:bg-slate-800 aria-pressed:text-white"
          >
            {LABELS[theme]}
          </button>
        ))}
      </div>
    </form>
  );
}
