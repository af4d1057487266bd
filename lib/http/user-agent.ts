import { sentence, type Sentence } from "../i18n/sentence";

// Enough to tell one's own devices apart ("Firefox on Android"), not a fingerprint.
const BROWSERS: [RegExp, string][] = [
  [/Edg\//, "Edge"], [/OPR\/|Opera/, "Opera"], [/Firefox\//, "Firefox"], [/SamsungBrowser\//, "Samsung Internet"],
  [/Chrome\/|Chromium\/|CriOS\//, "Chrome"], [/Safari\//, "Safari"], [/curl\//, "curl"],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, "Android"], [/iPhone|iPad|iPod/, "iOS"], [/Windows/, "Windows"], [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"], [/Linux/, "Linux"],
];

/** "Chrome on Linux", "Safari on iOS", "a Node.js program" or "Unknown browser", as a sentence (lib/i18n/sentence.ts). */
export function describeUserAgent(userAgent: string): Sentence {
  if (/node|undici/i.test(userAgent)) return sentence("deviceNode");
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser) return system ? sentence("deviceOnSystem", { system }) : sentence("deviceUnknown");
  return system ? sentence("deviceBrowserOnSystem", { browser, system }) : sentence("deviceBrowser", { browser });
}
