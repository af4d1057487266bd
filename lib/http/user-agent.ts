// Enough to tell one's own devices apart ("Firefox on Android"), not a fingerprint.
const BROWSERS: [RegExp, string][] = [
  [/Edg\//, "Edge"], [/OPR\/|Opera/, "Opera"], [/Firefox\//, "Firefox"], [/SamsungBrowser\//, "Samsung Internet"],
  [/Chrome\/|Chromium\/|CriOS\//, "Chrome"], [/Safari\//, "Safari"], [/curl\//, "curl"], [/node|undici/i, "a Node.js program"],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, "Android"], [/iPhone|iPad|iPod/, "iOS"], [/Windows/, "Windows"], [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"], [/Linux/, "Linux"],
];

/** "Chrome on Linux", "Safari on iOS", or "Unknown browser". */
export function describeUserAgent(userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser) return system ? `A browser on ${system}` : "Unknown browser";
  return system ? `${browser} on ${system}` : browser;
}
