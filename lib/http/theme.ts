/** The colour theme a browser chose with the header's switch (a cookie); "system" follows prefers-color-scheme. */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "theme";

export const themeChoice = (value: unknown): Theme => (THEMES.includes(value as Theme) ? (value as Theme) : "system");
