import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { characterCount, email, profileFields, profilePatch, selfServiceForm, CURRENT_PASSWORD_REQUIRED } from "@/lib/profile/schema";
import { say } from "./helpers/english";

const valid = { firstName: "Ada", lastName: "Lovelace", displayName: "Ada Lovelace" };
const DECEPTIVE = "Must not contain characters that change how text reads, such as direction overrides or line separators";
const s = (n: number, ch = "a") => ch.repeat(n);

type Row = [label: string, input: Record<string, unknown>, expected: Record<string, unknown> | { error: [string, string] }];

// (input merged over a valid profile) → the stored values, or the first field message.
const rows: Row[] = [
  ["plain names", {}, { firstName: "Ada", lastName: "Lovelace", displayName: "Ada Lovelace" }],
  ["apostrophe", { lastName: "O'Brien" }, { lastName: "O'Brien" }],
  ["diaeresis, NFC", { firstName: "Zo\u00eb" }, { firstName: "Zo\u00eb" }],
  ["diaeresis, NFD is stored as NFC", { firstName: "Zoe\u0308" }, { firstName: "Zo\u00eb" }],
  ["CJK", { lastName: "山田", firstName: "太郎" }, { lastName: "山田", firstName: "太郎" }],
  ["ampersand and hyphen", { displayName: "Anne-Marie & Co" }, { displayName: "Anne-Marie & Co" }],
  ["Arabic", { firstName: "محمد" }, { firstName: "محمد" }],
  ["Devanagari", { firstName: "अर्जुन" }, { firstName: "अर्जुन" }],
  ["Cyrillic", { lastName: "Достоевский" }, { lastName: "Достоевский" }],
  ["emoji in display name", { displayName: "Ada 🚀" }, { displayName: "Ada 🚀" }],
  ["ZWJ emoji sequence", { nickName: "👩‍💻" }, { nickName: "👩‍💻" }],
  ["surrounding whitespace trimmed", { firstName: "  Ada  " }, { firstName: "Ada" }],
  ["inner spaces kept", { displayName: "Ada  King" }, { displayName: "Ada  King" }],
  ["200 characters", { firstName: s(200) }, { firstName: s(200) }],
  ["201 characters", { firstName: s(201) }, { error: ["firstName", "At most 200 characters"] }],
  ["200 emoji (400 UTF-16 units)", { lastName: s(200, "😀") }, { lastName: s(200, "😀") }],
  ["201 emoji", { lastName: s(201, "😀") }, { error: ["lastName", "At most 200 characters"] }],
  ["200 CJK characters (600 bytes)", { displayName: s(200, "山") }, { displayName: s(200, "山") }],
  ["200 after trimming", { firstName: ` ${s(200)} ` }, { firstName: s(200) }],
  ["NFD 200 letters count after NFC", { firstName: s(200, "e\u0301") }, { firstName: s(200, "\u00e9") }],
  ["empty first name", { firstName: "" }, { error: ["firstName", "First name is required"] }],
  ["whitespace-only last name", { lastName: " \u00a0 " }, { error: ["lastName", "Last name is required"] }],
  ["missing display name", { displayName: undefined }, { error: ["displayName", "Display name is required"] }],
  ["null first name", { firstName: null }, { error: ["firstName", "First name is required"] }],
  ["number as name", { firstName: 42 }, { error: ["firstName", "Must be text"] }],
  ["object as name", { lastName: { a: 1 } }, { error: ["lastName", "Must be text"] }],
  ["tab", { firstName: "Ada\tB" }, { error: ["firstName", "Must not contain control characters such as line breaks or tabs"] }],
  ["newline", { displayName: "Ada\nKing" }, { error: ["displayName", "Must not contain control characters such as line breaks or tabs"] }],
  ["NUL", { lastName: "A\u0000" }, { error: ["lastName", "Must not contain control characters such as line breaks or tabs"] }],
  ["DEL / C1 control", { lastName: "A\u0085B" }, { error: ["lastName", "Must not contain control characters such as line breaks or tabs"] }],
  ["lone surrogate", { lastName: "A\ud800" }, { error: ["lastName", "Contains characters that cannot be stored"] }],
  ["only a zero-width space", { firstName: "\u200b" }, { error: ["firstName", "First name is required"] }],
  ["only invisible characters", { displayName: " \u200b\u2060\u00ad\ufeff " }, { error: ["displayName", "Display name is required"] }],
  ["only a Hangul filler", { lastName: "\u3164" }, { error: ["lastName", "Last name is required"] }],
  ["right-to-left override", { firstName: "Ali\u202ecod.exe" }, { error: ["firstName", DECEPTIVE] }],
  ["left-to-right embedding", { lastName: "\u202aSmith" }, { error: ["lastName", DECEPTIVE] }],
  ["first strong isolate", { displayName: "Ada \u2068King\u2069" }, { error: ["displayName", DECEPTIVE] }],
  ["line separator", { displayName: "Ada\u2028King" }, { error: ["displayName", DECEPTIVE] }],
  ["paragraph separator", { firstName: "Ada\u2029King" }, { error: ["firstName", DECEPTIVE] }],
  ["noncharacter U+FDD0", { firstName: "A\ufdd0" }, { error: ["firstName", DECEPTIVE] }],
  ["noncharacter U+FFFE", { lastName: "A\ufffe" }, { error: ["lastName", DECEPTIVE] }],
  ["noncharacter U+10FFFF", { lastName: "A\u{10ffff}" }, { error: ["lastName", DECEPTIVE] }],
  ["nickname of invisible characters only", { nickName: "\u200b\u200b" }, { error: ["nickName", "Must contain visible characters"] }],
  ["zero-width joiner inside an emoji stays", { displayName: "Ada 👩‍💻" }, { displayName: "Ada 👩‍💻" }],
  ["zero-width non-joiner inside a Persian name stays", { lastName: "می\u200cخواهم" }, { lastName: "می\u200cخواهم" }],
  ["Arabic letter mark is not an override", { firstName: "\u061cمحمد" }, { firstName: "\u061cمحمد" }],
  ["nickname optional", { nickName: undefined }, { nickName: null }],
  ["nickname blank is none", { nickName: "   " }, { nickName: null }],
  ["nickname 201", { nickName: s(201) }, { error: ["nickName", "At most 200 characters"] }],
  ["language en", { preferredLanguage: "en" }, { preferredLanguage: "en" }],
  ["language de-CH", { preferredLanguage: "de-CH" }, { preferredLanguage: "de-CH" }],
  ["language zh-hant canonicalised", { preferredLanguage: "zh-hant" }, { preferredLanguage: "zh-Hant" }],
  ["language DE-ch canonicalised", { preferredLanguage: "DE-ch" }, { preferredLanguage: "de-CH" }],
  ["language es-419", { preferredLanguage: "es-419" }, { preferredLanguage: "es-419" }],
  ["language zh-Hant-TW (10)", { preferredLanguage: "zh-Hant-TW" }, { preferredLanguage: "zh-Hant-TW" }],
  ["language sh-419 is longer once canonical", { preferredLanguage: "sh-419" }, { preferredLanguage: "sr-Latn-419" }],
  ["language canonical and longer than 10 passes", { preferredLanguage: "sr-Latn-419" }, { preferredLanguage: "sr-Latn-419" }],
  ["language not canonical and longer than 10", { preferredLanguage: "SR-latn-419" }, { error: ["preferredLanguage", "At most 10 characters"] }],
  ["language missing", { preferredLanguage: undefined }, { preferredLanguage: null }],
  ["language empty", { preferredLanguage: "" }, { preferredLanguage: null }],
  ["language 'english'", { preferredLanguage: "english" }, { error: ["preferredLanguage", "Use a language tag such as en, de-CH or zh-Hant"] }],
  ["language en_US", { preferredLanguage: "en_US" }, { error: ["preferredLanguage", "Use a language tag such as en, de-CH or zh-Hant"] }],
  ["language 11 characters", { preferredLanguage: "zh-Hant-TWX" }, { error: ["preferredLanguage", "At most 10 characters"] }],
  ["language digits", { preferredLanguage: "12" }, { error: ["preferredLanguage", "Use a language tag such as en, de-CH or zh-Hant"] }],
  ["language not text", { preferredLanguage: 7 }, { error: ["preferredLanguage", "Must be text"] }],
  ["gender default", {}, { gender: "GENDER_UNSPECIFIED" }],
  ["gender female", { gender: "GENDER_FEMALE" }, { gender: "GENDER_FEMALE" }],
  ["gender diverse", { gender: "GENDER_DIVERSE" }, { gender: "GENDER_DIVERSE" }],
  ["gender unknown", { gender: "FEMALE" }, { error: ["gender", "Choose one of GENDER_UNSPECIFIED, GENDER_FEMALE, GENDER_MALE, GENDER_DIVERSE"] }],
];

describe("profile fields", () => {
  it.each(rows)("%s", (_label, input, expected) => {
    const result = profileFields.safeParse({ ...valid, ...input });
    if ("error" in expected) {
      expect(result.success).toBe(false);
      const [field, message] = expected.error as [string, string];
      const issue = result.error!.issues.find((i) => i.path[0] === field);
      expect(issue && say(issue.message)).toBe(message);
    } else {
      expect(result.error?.issues).toBeUndefined();
      expect(result.data).toMatchObject(expected);
    }
  });
});

describe("email", () => {
  it.each([
    ["Ada@Example.COM", "ada@example.com"],
    ["  ada@example.com ", "ada@example.com"],
    ["o'brien@example.ie", "o'brien@example.ie"],
  ])("accepts %j as %j", (input, stored) => expect(email.parse(input)).toBe(stored));

  it.each([["not-an-email"], ["a@b"], ["@example.com"], [`${"a".repeat(250)}@example.com`], [""]])("refuses %j", (input) => {
    expect(email.safeParse(input).success).toBe(false);
  });
});

describe("self-service form", () => {
  const base = { ...valid, email: "ada@example.com" };
  it("asks for the current password only when the email changes", () => {
    const schema = selfServiceForm("ada@example.com");
    expect(schema.safeParse(base).success).toBe(true);
    const changed = schema.safeParse({ ...base, email: "ada@new.example" });
    expect(changed.error?.issues[0]).toMatchObject({ path: ["currentPassword"], message: CURRENT_PASSWORD_REQUIRED });
    expect(schema.safeParse({ ...base, email: "ada@new.example", currentPassword: "x" }).success).toBe(true);
  });
});

describe("characterCount", () => {
  it("counts code points, not UTF-16 units or bytes", () => {
    expect(characterCount("😀")).toBe(1);
    expect(characterCount("山田")).toBe(2);
    expect(characterCount("Zoë")).toBe(3);
  });
});

describe("parsing is idempotent (the route parses, then the service parses the result again)", () => {
  const text = fc.oneof(fc.string({ maxLength: 210 }), fc.string({ unit: "grapheme", maxLength: 210 }), fc.constantFrom("", " ", "\u200b", "Zoe\u0308"));
  const tag = fc.oneof(fc.stringMatching(/^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?$/), fc.constantFrom("sh-419", "bh-AA", "iw", "mo-MD", ""));
  it("what parses once parses again to the same value", () => {
    fc.assert(
      fc.property(fc.record({ firstName: text, lastName: text, nickName: text, displayName: text, preferredLanguage: tag, email: fc.emailAddress() }), (input) => {
        const once = profilePatch.safeParse(input);
        if (!once.success) return;
        expect(profilePatch.parse(once.data)).toEqual(once.data);
      }),
      { numRuns: 500 },
    );
  });
});
