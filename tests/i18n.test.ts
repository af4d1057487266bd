import fs from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, LOCALES, matchAcceptLanguage, matchLocale, validTimeZone } from "@/lib/i18n/config";
import { BROWSER_NAMESPACES, browserMessages, loadMessages, NAMESPACES } from "@/lib/i18n/messages";
import { parseSentence, sentence } from "@/lib/i18n/sentence";
import { sentences } from "@/lib/i18n/translate";
import { createUserForm, passwordChangeForm, profileFields, SCHEMA_SENTENCES, selfServiceForm, tokenForm } from "@/lib/profile/schema";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Every message of a catalogue by its dotted path. */
function flatten(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof inner === "string") out.set(at, inner);
    else if (inner && typeof inner === "object") for (const [k, v] of flatten(inner, at)) out.set(k, v);
    else throw new Error(`${at} is neither a message nor a group`);
  }
  return out;
}

/** The arguments ({name}, plural and select variables) and rich-text tags a message uses. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.type === TYPE.tag ? `<${element.value}>` : element.value);
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const catalogues = Object.fromEntries(await Promise.all(LOCALES.map(async (l) => [l, flatten(await loadMessages(l))] as const)));
const english = catalogues[DEFAULT_LOCALE]!;

describe("catalogues", () => {
  it("exist for every language and namespace", () => {
    for (const locale of LOCALES) {
      for (const ns of NAMESPACES) expect(fs.existsSync(path.join(ROOT, `lib/i18n/messages/${locale}/${ns}.json`)), `${locale}/${ns}.json`).toBe(true);
    }
  });

  it.each(LOCALES.filter((l) => l !== DEFAULT_LOCALE))("%s has exactly the keys of English", (locale) => {
    const keys = [...catalogues[locale]!.keys()];
    expect(keys.filter((k) => !english.has(k)), "keys English does not have").toEqual([]);
    expect([...english.keys()].filter((k) => !catalogues[locale]!.has(k)), "keys missing").toEqual([]);
  });

  it.each(LOCALES)("%s: every message is valid ICU and uses only English's arguments and tags", (locale) => {
    const problems: string[] = [];
    for (const [key, message] of catalogues[locale]!) {
      try {
        const used = argumentsOf(parse(message));
        const allowed = argumentsOf(parse(english.get(key) ?? ""));
        for (const name of used) if (!allowed.has(name)) problems.push(`${key}: ${name} is not in English`);
        // Tags wrap text the page renders: a translation that drops one loses a link or a name.
        for (const name of allowed) if (name.startsWith("<") && !used.has(name)) problems.push(`${key}: ${name} is missing`);
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
      }
      if (locale !== DEFAULT_LOCALE && message.trim() === "") problems.push(`${key}: empty`);
    }
    expect(problems).toEqual([]);
  });

  it.each(LOCALES)("%s has a message for each sentence the schema says", (locale) => {
    for (const key of SCHEMA_SENTENCES) expect(catalogues[locale]!.has(`sentences.${key}`), key).toBe(true);
  });

  it("has a message for every sentence the code says", () => {
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const at = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!["generated", "node_modules"].includes(entry.name)) walk(at);
        } else if (/\.tsx?$/.test(entry.name)) {
          for (const m of fs.readFileSync(path.join(ROOT, at), "utf8").matchAll(/\bsentence\(\s*"(\w+)"/g)) used.add(m[1]!);
        }
      }
    };
    ["app", "components", "lib"].forEach(walk);
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((key) => !english.has(`sentences.${key}`))).toEqual([]);
  });
});

describe("the schema speaks in keys", () => {
  // Inputs that make the schemas say each of their sentences.
  const refusals = [
    profileFields.safeParse({ firstName: "", lastName: "\u200b", displayName: "x".repeat(201), nickName: "a\tb", preferredLanguage: "english", gender: "X" }),
    profileFields.safeParse({ firstName: 7, lastName: "Ali\u202Ecod", displayName: "\uD800", nickName: "\u200b" }),
    selfServiceForm("old@example.com").safeParse({ firstName: "A", lastName: "B", displayName: "C", email: "new@example.com" }),
    createUserForm.safeParse({ firstName: "A", lastName: "B", displayName: "C", username: "a", email: "not-an-email", role: "GOD", password: "short" }),
    createUserForm.safeParse({ firstName: "A", lastName: "B", displayName: "C", username: "-x-", email: "" }),
    passwordChangeForm.safeParse({ currentPassword: "", newPassword: "long enough password", confirmPassword: "another" }),
    tokenForm.safeParse({ name: " ", expiresInDays: "12" }),
  ];
  const said = refusals.flatMap((r) => r.error!.issues.map((i) => i.message));

  it("every message it gives is a sentence key every catalogue has", () => {
    expect(said.length).toBeGreaterThan(15);
    for (const message of said) {
      const { key } = parseSentence(message);
      expect(SCHEMA_SENTENCES, message).toContain(key);
      for (const locale of LOCALES) expect(catalogues[locale]!.has(`sentences.${key}`), `${locale}: ${key}`).toBe(true);
    }
  });

  it("words them in each language, with their values", async () => {
    const tooLong = said.find((m) => m.startsWith("tooLong"))!;
    expect(parseSentence(tooLong)).toEqual({ key: "tooLong", values: { max: 200 } });
    const words = Object.fromEntries(await Promise.all(LOCALES.map(async (l) => [l, (await sentences(l))(tooLong)])));
    expect(words.en).toBe("At most 200 characters");
    for (const locale of LOCALES) expect(words[locale]).toContain("200");
    expect(new Set(Object.values(words)).size).toBe(LOCALES.length);
  });

  it("shows text that is not a sentence as it is", async () => {
    expect((await sentences("de"))("Something the catalogue does not know")).toBe("Something the catalogue does not know");
    expect(sentence("x", { a: "b&c=d", n: 3 })).toBe("x?a=b%26c%3Dd&n=3");
    expect(parseSentence("x?a=b%26c%3Dd&n=3")).toEqual({ key: "x", values: { a: "b&c=d", n: 3 } });
  });
});

describe("choosing the language", () => {
  it.each([
    ["de-CH", "de"], ["de", "de"], ["DE-at", "de"], ["fr-CA", "fr"], ["es-419", "es"], ["ja-JP", "ja"], ["ar-EG", "ar"],
    ["en-GB", "en"], ["zh-Hant", null], ["tlh", null], ["", null], ["not a tag", null], [null, null],
  ])("preferredLanguage %j → %j", (tag, locale) => expect(matchLocale(tag)).toBe(locale));

  it.each([
    ["de-CH,de;q=0.9,en;q=0.8", "de"],
    ["zh-Hant,ja;q=0.5", "ja"],
    ["en;q=0.1, ar;q=0.9", "ar"],
    ["fr;q=0, es", "es"],
    ["*", null],
    ["zh-CN", null],
    ["garbage;;;q=x", null],
    ["", null],
  ])("Accept-Language %j → %j", (header, locale) => expect(matchAcceptLanguage(header)).toBe(locale));

  it("accepts only time zones the runtime knows", () => {
    expect(validTimeZone("Europe/Zurich")).toBe("Europe/Zurich");
    expect(validTimeZone("Asia/Tokyo")).toBe("Asia/Tokyo");
    for (const bad of ["Mars/Olympus", "../etc", "", 7, "Europe/Zurich\u0000", "x".repeat(100)]) expect(validTimeZone(bad)).toBeNull();
  });
});

/**
 * No hard-coded English in components: JSX text, and the props people read (labels, titles,
 * placeholders, aria-labels), must come from the catalogues. Code and technical samples inside
 * <code>, <pre> and <kbd> are exempt, and so is a string that is only symbols or a single word
 * in capitals (an HTTP method).
 */
describe("no hard-coded English in components", () => {
  const READ_PROPS = new Set(["aria-label", "aria-description", "title", "placeholder", "alt", "label", "hint", "heading", "description", "confirmLabel", "cancelLabel"]);
  const EXEMPT_ELEMENTS = new Set(["code", "pre", "kbd", "samp"]);
  const isWords = (text: string) => /[A-Za-z]{2,}/.test(text) && !/^[A-Z]{2,7}$/.test(text.trim());

  function offences(file: string): string[] {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const found: string[] = [];
    const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node, exempt: boolean) => {
      if (ts.isJsxElement(node) && EXEMPT_ELEMENTS.has(node.openingElement.tagName.getText())) exempt = true;
      if (!exempt && ts.isJsxText(node) && isWords(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
      if (!exempt && ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
        const inner = node.expression;
        if (inner && (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) && isWords(inner.text)) {
          found.push(`${where(node)} text "${inner.text}"`);
        }
      }
      if (ts.isJsxAttribute(node) && READ_PROPS.has(node.name.getText())) {
        const init = node.initializer;
        const text = init && ts.isStringLiteral(init) ? init.text : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression) ? init.expression.text : null;
        if (text && isWords(text)) found.push(`${where(node)} ${node.name.getText()}="${text}"`);
      }
      ts.forEachChild(node, (child) => visit(child, exempt));
    };
    visit(source, false);
    return found;
  }

  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const at = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(at);
      else if (entry.name.endsWith(".tsx")) files.push(at);
    }
  };
  ["app", "components"].forEach(walk);

  it("finds the components", () => expect(files.length).toBeGreaterThan(40));

  it("catches what it is meant to catch", () => {
    const probe = path.join("tests", ".probe.tsx");
    fs.writeFileSync(path.join(ROOT, probe), `export const P = () => <div title="Save it"><p>Hello there</p>{"Sign out"}<code>curl -X PUT</code></div>;`);
    try {
      expect(offences(probe)).toHaveLength(3);
    } finally {
      fs.rmSync(path.join(ROOT, probe));
    }
  });

  it("no component has any", () => {
    expect(files.flatMap(offences)).toEqual([]);
  });
});

describe("the catalogues the browser gets", () => {
  const SOURCE = /\.tsx?$/;
  const files = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
      const at = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "generated" ? [] : files(at);
      return SOURCE.test(entry.name) ? [at] : [];
    });
  /** The file an import of ours names (relative or "@/"); null for a package. */
  const resolve = (from: string, specifier: string): string | null => {
    const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : null;
    if (base === null) return null;
    const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((f) => SOURCE.test(f) && fs.existsSync(path.join(ROOT, f)));
    return found ? path.normalize(found) : null;
  };
  const text = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

  // Every module that runs in the browser: the "use client" files and all they import (not types only), transitively.
  const inBrowser = new Set<string>();
  const reach = (file: string) => {
    if (inBrowser.has(file)) return;
    inBrowser.add(file);
    for (const m of text(file).matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)) {
      const target = resolve(file, m[1]!);
      if (target) reach(target);
    }
  };
  ["app", "components", "lib"].flatMap(files).filter((f) => /^\s*["']use client["']/.test(text(f))).forEach(reach);
  const read = new Set([...inBrowser].flatMap((file) => [...text(file).matchAll(/useTranslations\(([^)]*)\)/g)].map((m) => m[1]!.trim())));
  const covers = (name: string, by: string) => name === by || name.startsWith(`${by}.`);

  it("finds the browser's modules", () => {
    expect(inBrowser.size).toBeGreaterThan(30);
    expect(inBrowser).toContain(path.normalize("components/ui/use-say.ts")); // reached through the forms, not "use client" itself
  });

  it("hold every namespace code in the browser reads, and nothing else", () => {
    const names = [...read].map((arg) => /^"([\w.]+)"$/.exec(arg)?.[1] ?? `not a namespace: useTranslations(${arg})`);
    expect(names.filter((name) => !BROWSER_NAMESPACES.some((by) => covers(name, by)))).toEqual([]);
    expect(BROWSER_NAMESPACES.filter((by) => !names.some((name) => covers(name, by)))).toEqual([]);
  });

  it.each(LOCALES)("%s: every one of them, and far less than the whole", async (locale) => {
    const all = await loadMessages(locale);
    const picked = flatten(browserMessages(all));
    for (const name of BROWSER_NAMESPACES) expect([...picked.keys()].some((key) => key.startsWith(`${name}.`)), name).toBe(true);
    expect([...picked.keys()].some((key) => key.startsWith("mail.") || key.startsWith("docs.reference."))).toBe(false);
    expect(picked.size).toBeLessThan(flatten(all).size * 0.75);
  });
});
