/**
 * THE profile schema: field limits, normalisation and the messages people read. The browser form,
 * the server action, the service and the API handlers all validate with what this module exports.
 */
// Zod Mini: the same validation as the classic API in functions the bundler can leave out, so the
// browser, which validates with this module as people type, loads a quarter of Zod.
import * as z from "zod/mini";
import type { $ZodError } from "zod/v4/core";
import { sentence, type SentenceValues } from "../i18n/sentence";

export const MAX_NAME = 200;
export const MAX_LANGUAGE_TAG = 10;
export const MAX_EMAIL = 254;

export const GENDERS = ["GENDER_UNSPECIFIED", "GENDER_FEMALE", "GENDER_MALE", "GENDER_DIVERSE"] as const;
export type Gender = (typeof GENDERS)[number];

/**
 * Common languages the form offers after the ones the app speaks (lib/i18n/config.ts); any other
 * valid tag is accepted through the API. Their names come from Intl.DisplayNames.
 */
export const COMMON_LANGUAGES = [
  "en-GB", "en-US", "de-CH", "de-AT", "fr-CA", "fr-CH", "es-MX", "es-419", "it", "pt", "pt-BR", "nl", "sv", "da",
  "nb", "fi", "pl", "cs", "hu", "ro", "el", "tr", "ru", "uk", "he", "hi", "ko", "zh-Hans", "zh-Hant",
] as const;

/**
 * What the schema says, as sentences of the "sentences" catalogue (lib/i18n/sentence.ts): keys, not
 * words, so that the form renders them in the reader's language as they type and after a post, and
 * the APIs in their caller's. Every catalogue has each of these (tests/i18n.test.ts).
 */
export const SCHEMA_SENTENCES = [
  "tooLong", "tooShort", "control", "deceptive", "invisible", "malformed", "notText", "languageTag",
  "firstNameRequired", "lastNameRequired", "displayNameRequired", "emailRequired", "emailInvalid", "usernameRequired",
  "usernameCharacters", "genderInvalid", "roleInvalid", "currentPasswordRequired", "currentPasswordForEmail",
  "passwordsDiffer", "tokenNameRequired", "tokenLifetime", "isEmailVerifiedBoolean",
] as const;
type SchemaSentence = (typeof SCHEMA_SENTENCES)[number];
const say = (key: SchemaSentence, values?: SentenceValues) => sentence(key, values);

/** Characters as people count them: code points, so an emoji or "山" is one, whatever its UTF-8 size. */
export function characterCount(value: string): number {
  return Array.from(value).length;
}

const CONTROL_CHARACTER = /\p{Cc}/u;
// Characters that make a name read differently from what it is: bidi overrides and isolates
// ("Ali\u202Ecod.exe" shows as "Aliexe.doc"), line and paragraph separators, and noncharacters.
const DECEPTIVE_CHARACTER = /[\u202A-\u202E\u2066-\u2069\u2028\u2029\p{Noncharacter_Code_Point}]/u;
// What renders as nothing: spaces, zero-width and other default-ignorable characters, blank Braille.
const INVISIBLE_CHARACTERS = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/gu;

// The same rules as JSON Schema patterns for the OpenAPI document (ECMA-262 with the `u` flag;
// anchored, as a pattern may match anywhere), built from the regexes above so they cannot drift.
const inside = (characterClass: RegExp) => characterClass.source.replace(/^\[(.*)\]$/, "$1");
// Code points NFC turns into two or three (U+0958 "क़" → U+0915 U+093C): never in NFC text, and allowing
// them would let a name that fits maxLength as sent exceed it once normalised.
const NFC_EXPANDING = String.raw`\u0344\u0958-\u095F\u09DC\u09DD\u09DF\u0A33\u0A36\u0A59-\u0A5B\u0A5E\u0B5C\u0B5D\u0F43\u0F4D\u0F52\u0F57\u0F5C\u0F69\u0F73\u0F75\u0F76\u0F78\u0F81\u0F93\u0F9D\u0FA2\u0FA7\u0FAC\u0FB9\u2ADC\uFB1D\uFB1F\uFB2A-\uFB36\uFB38-\uFB3C\uFB3E\uFB40\uFB41\uFB43\uFB44\uFB46-\uFB4E\u{1D15E}-\u{1D164}\u{1D1BB}-\u{1D1C0}`;
// What `cleanText` refuses, lone surrogates (text that is not well-formed) and those.
const REFUSED = `${inside(CONTROL_CHARACTER)}${inside(DECEPTIVE_CHARACTER)}\\uD800-\\uDFFF${NFC_EXPANDING}`;
/** Text with a visible character and none that `cleanText` refuses, sent in NFC. */
export const VISIBLE_TEXT_PATTERN = `^[^${REFUSED}]*[^${REFUSED}${inside(INVISIBLE_CHARACTERS)}][^${REFUSED}]*$`;
/** Blank (stored as none), or visible text. */
export const OPTIONAL_TEXT_PATTERN = `^\\s*$|${VISIBLE_TEXT_PATTERN}`;

/** Whether the text shows anything at all once invisible characters are set aside ("\u200b" does not). */
function hasVisibleCharacter(value: string): boolean {
  return value.replace(INVISIBLE_CHARACTERS, "").length > 0;
}

const MESSAGES = {
  tooLong: (max: number) => say("tooLong", { max }),
  tooShort: (min: number) => say("tooShort", { min }),
  control: say("control"),
  deceptive: say("deceptive"),
  invisible: say("invisible"),
  malformed: say("malformed"),
  notText: say("notText"),
};

/** Trimmed, NFC-normalised text without control or deceptive characters, 0..max characters. */
function cleanText(max: number, requiredMessage: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? requiredMessage : MESSAGES.notText) })
    .check(
      z.normalize("NFC"),
      z.trim(),
      z.refine((s) => s.isWellFormed(), MESSAGES.malformed),
      z.refine((s) => !CONTROL_CHARACTER.test(s), MESSAGES.control),
      z.refine((s) => !DECEPTIVE_CHARACTER.test(s), MESSAGES.deceptive),
      z.refine((s) => characterCount(s) <= max, MESSAGES.tooLong(max)),
      z.meta({
        maxLength: max,
        description: `At most ${max} characters (Unicode code points) after trimming and NFC normalisation; no control characters, direction overrides, line separators or noncharacters (nor the few code points NFC expands, such as U+0958: send their NFC form)`,
      }),
    );
}

/** Required text: something visible must remain ("\u200b" alone is as empty as ""). */
const requiredText = (label: string, required: SchemaSentence, max = MAX_NAME) =>
  cleanText(max, say(required)).check(
    z.minLength(1, say(required)),
    z.refine(hasVisibleCharacter, say(required)),
    z.meta({ title: label, pattern: VISIBLE_TEXT_PATTERN }),
  );

/** Optional text: missing, null and blank all mean "none" and are stored as null. */
function optionalText<T extends z.ZodMiniType<string | null, string>>(inner: T, meta: { title: string; description: string; maxLength: number; pattern: string }) {
  return z
    .pipe(
      z.pipe(
        z.optional(z.union([z.string(), z.null()], { error: MESSAGES.notText })),
        z.transform((v) => (v == null || v.trim() === "" ? null : v)),
      ),
      z.nullable(inner),
    )
    .check(z.meta(meta));
}

// language[-Script][-REGION]: "en", "de-CH", "zh-Hant", "zh-Hant-TW", "es-419".
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?$/i;
/** The same for the OpenAPI document, or blank for none (JSON Schema patterns take no flags: the `i` is spelled out). */
export const LANGUAGE_TAG_PATTERN = `^\\s*$|${LANGUAGE_TAG.source.replaceAll("[a-z]", "[A-Za-z]")}`;
const LANGUAGE_MESSAGE = say("languageTag");

function canonicalTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0]!;
  } catch {
    return null;
  }
}

export const languageTag = z.pipe(
  z.string({ error: MESSAGES.notText }).check(
    z.trim(),
    // Canonical forms can be longer than what was sent (a deprecated "sh-AA" is "sr-Latn-AA"), so
    // a tag already in its canonical form passes at any length the pattern allows: parsing what
    // this schema produced gives the same value again.
    z.refine((tag) => tag.length <= MAX_LANGUAGE_TAG || canonicalTag(tag) === tag, MESSAGES.tooLong(MAX_LANGUAGE_TAG)),
    z.regex(LANGUAGE_TAG, LANGUAGE_MESSAGE),
    z.refine((tag) => canonicalTag(tag) !== null, LANGUAGE_MESSAGE),
  ),
  z.transform((tag) => canonicalTag(tag)!),
);

export const email = z
  .pipe(
    z
      .string({ error: (issue) => (issue.input == null ? say("emailRequired") : MESSAGES.notText) })
      .check(z.trim(), z.minLength(1, say("emailRequired")), z.maxLength(MAX_EMAIL, MESSAGES.tooLong(MAX_EMAIL)), z.toLowerCase()),
    z.email(say("emailInvalid")),
  )
  .check(z.meta({ title: "Email", description: "Unique, case-insensitively; stored lower-cased", format: "email", pattern: z.regexes.email.source }));

// gRPC-gateway clients may send enums as numbers: 0 GENDER_UNSPECIFIED … 3 GENDER_DIVERSE.
export const gender = z
  ._default(
    z.union([z.enum(GENDERS), z.pipe(z.int().check(z.minimum(0), z.maximum(3)), z.transform((n) => GENDERS[n]!))], {
      error: say("genderInvalid", { values: GENDERS.join(", ") }),
    }),
    "GENDER_UNSPECIFIED",
  )
  .check(z.meta({ title: "Gender", description: "Also accepted as the enum's number (0–3); missing means GENDER_UNSPECIFIED" }));

/** The profile fields every surface shares (ZITADEL's profile message). */
export const profileFields = z.object({
  firstName: requiredText("First name", "firstNameRequired"),
  lastName: requiredText("Last name", "lastNameRequired"),
  nickName: optionalText(cleanText(MAX_NAME, "").check(z.refine(hasVisibleCharacter, MESSAGES.invisible)), {
    title: "Nickname",
    description: `Optional, at most ${MAX_NAME} characters after trimming, with the same character rules as the names; empty, blank or null for none`,
    maxLength: MAX_NAME,
    pattern: OPTIONAL_TEXT_PATTERN,
  }),
  displayName: requiredText("Display name", "displayNameRequired"),
  preferredLanguage: optionalText(languageTag, {
    title: "Preferred language",
    description: "A BCP-47 tag such as en, de-CH or zh-Hant (at most 10 characters after trimming), stored canonical; empty, blank or null for none",
    maxLength: MAX_LANGUAGE_TAG,
    pattern: LANGUAGE_TAG_PATTERN,
  }),
  gender,
});

/** What the service accepts: any subset of the profile, plus email. Missing means "unchanged". */
export const profilePatch = z.partial(z.extend(profileFields, { email }));
export type ProfilePatch = z.output<typeof profilePatch>;

/** The browser form (self-service and admin): every profile field plus email. */
export const profileForm = z.extend(profileFields, {
  email,
  currentPassword: z.optional(z.string().check(z.maxLength(1024, MESSAGES.tooLong(1024)))),
});
export type ProfileFormInput = z.input<typeof profileForm>;

/** The seven profile fields, in form order, as the one list every layer iterates. */
export const PROFILE_FIELDS = z.keyof(profilePatch).options;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type ProfileFormOutput = z.output<typeof profileForm>;

export const CURRENT_PASSWORD_REQUIRED = say("currentPasswordForEmail");

/** The self-service form: changing one's own email also asks for the current password. */
export function selfServiceForm(currentEmail: string | null) {
  return profileForm.check(
    z.superRefine((value, ctx) => {
      if (value.email !== (currentEmail ?? "") && !value.currentPassword) {
        ctx.addIssue({ code: "custom", path: ["currentPassword"], message: CURRENT_PASSWORD_REQUIRED });
      }
    }),
  );
}

export interface FieldIssue {
  field: string;
  message: string;
}

/** Zod issues as (field, message) pairs, the first message of each field. */
export function fieldIssues(error: $ZodError): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_";
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: issue.message });
  }
  return out;
}

/** Roles, lowest first (the order is the rank: nobody grants or manages above their own). */
export const ROLES = ["USER", "ORG_ADMIN", "ADMIN"] as const;
export const role = z.enum(ROLES, { error: say("roleInvalid") }).check(z.meta({ title: "Role" }));
export type Role = z.infer<typeof role>;

export const username = z
  .string({ error: (issue) => (issue.input == null ? say("usernameRequired") : MESSAGES.notText) })
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, say("usernameRequired")),
    z.minLength(3, MESSAGES.tooShort(3)),
    z.maxLength(64, MESSAGES.tooLong(64)),
    z.regex(/^[a-z0-9][a-z0-9._@-]*$/, say("usernameCharacters")),
    z.meta({ title: "Username" }),
  );

export const MIN_PASSWORD = 12;
export const newPassword = z
  .string({ error: MESSAGES.notText })
  .check(z.minLength(MIN_PASSWORD, MESSAGES.tooShort(MIN_PASSWORD)), z.maxLength(256, MESSAGES.tooLong(256)));

/** A blank password field means "generate one". */
const optionalNewPassword = z.pipe(
  z.pipe(z.optional(z.string({ error: MESSAGES.notText })), z.transform((v) => (v ? v : undefined))),
  z.optional(newPassword),
);

/** Admins creating a user: the same profile fields, plus what an account needs. */
export const createUserForm = z.extend(profileFields, {
  username,
  email,
  role: z._default(role, "USER"),
  orgId: z.pipe(
    z.optional(z.string({ error: MESSAGES.notText }).check(z.trim(), z.maxLength(64, MESSAGES.tooLong(64)))),
    z.transform((v) => v || undefined),
  ),
  password: optionalNewPassword,
});
export type CreateUserInput = z.input<typeof createUserForm>;
export type CreateUserOutput = z.output<typeof createUserForm>;

const currentPassword = z
  .string({ error: say("currentPasswordRequired") })
  .check(z.minLength(1, say("currentPasswordRequired")), z.maxLength(1024, MESSAGES.tooLong(1024)));
/** A checkbox: "on" (or true) when ticked; absent when not. */
const checkbox = z.pipe(
  z.optional(z.union([z.boolean(), z.string()])),
  z.transform((v) => v === true || v === "on" || v === "true"),
);

/** People changing their own password. */
export const passwordChangeForm = z
  .object({ currentPassword, newPassword, confirmPassword: z.string({ error: MESSAGES.notText }) })
  .check(z.refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: say("passwordsDiffer") }));

/** An administrator setting someone's password (an admin resetting their own also gives the current one). */
export const passwordResetForm = z.object({
  password: optionalNewPassword,
  revokeTokens: checkbox,
  currentPassword: z.optional(z.string({ error: MESSAGES.notText }).check(z.maxLength(1024, MESSAGES.tooLong(1024)))),
});

const TOKEN_NAME_REQUIRED = say("tokenNameRequired");
const tokenName = cleanText(100, TOKEN_NAME_REQUIRED).check(
  z.minLength(1, TOKEN_NAME_REQUIRED),
  z.refine(hasVisibleCharacter, TOKEN_NAME_REQUIRED),
  z.meta({ title: "Token name" }),
);
/** How long a new token may live, in days ("" for no expiry). */
export const TOKEN_LIFETIMES = ["7", "30", "90", "365", ""] as const;
export const tokenForm = z.object({
  name: tokenName,
  expiresInDays: z.pipe(
    z._default(z.enum(TOKEN_LIFETIMES, { error: say("tokenLifetime") }), "90"),
    z.transform((days) => (days ? Number(days) : null)),
  ),
});

/** ZITADEL v1 UpdateHumanProfile body (both the auth and the management API). */
export const zitadelProfileBody = profileFields;

/** ZITADEL v1 SetMyEmail body: one's own new address, pending until the link sent to it is opened. */
export const zitadelEmailBody = z.object({ email });
/** ZITADEL v1 management UpdateHumanEmail body: an administrator may vouch for another user's address. */
export const zitadelManagementEmailBody = z.object({
  email,
  isEmailVerified: z
    .optional(z.boolean({ error: say("isEmailVerifiedBoolean") }))
    .check(z.meta({ description: "Mark the address verified without sending a link (another user's only; for one's own it is 403)" })),
});

/** Camunda 7 user profile body: `id` is the username and must match the path. */
export const camundaProfileBody = z.object({
  id: z.optional(z.string({ error: MESSAGES.notText })).check(z.meta({ description: "The username; when sent, it must equal the id in the path" })),
  firstName: requiredText("First name", "firstNameRequired"),
  lastName: requiredText("Last name", "lastNameRequired"),
  email,
});
