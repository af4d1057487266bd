import { PROFILE_FIELDS, type ProfileField } from "../profile/schema";
import type { Profile } from "../profile/types";
import { sentence, type Sentence } from "../i18n/sentence";

/** The form's values as text, the way inputs hold them. */
export type ProfileFormValues = Record<ProfileField, string>;

/**
 * What every form's server action answers: a status, what people read, and what they typed. The
 * message and field messages are sentences (lib/i18n/sentence.ts): the form words them.
 */
export interface FormState<Status extends string = string> {
  status: "idle" | Status;
  message?: string;
  /** Field messages, by field name. */
  errors?: Record<string, string>;
  /** What the person submitted (never a password), so that nothing they typed is lost. */
  values?: Record<string, string>;
}

/** What a profile form submission answers; rendered the same with or without JavaScript. */
export interface ProfileFormState extends FormState<"saved" | "unchanged" | "invalid" | "conflict" | "error"> {
  values?: ProfileFormValues;
  /** The stored profile after a save, or the newer version after a conflict. */
  saved?: ProfileFormValues;
  sequence?: number;
  /** When the newer version was saved (conflict). */
  savedAt?: string;
}

/** What the smaller forms (role, password, tokens, sessions, create user) answer. */
export interface ActionState extends FormState<"ok" | "error"> {
  /** A generated password or a new token, shown once. */
  secret?: string;
  /** Where the result lives (a created user). */
  href?: string;
}

/** What a form says when fields were refused, by the schema in the browser or by the server. */
export const FIX_FIELDS = sentence("fixFields");

export function toFormValues(profile: Profile): ProfileFormValues {
  return Object.fromEntries(PROFILE_FIELDS.map((field) => [field, profile[field] ?? ""])) as ProfileFormValues;
}

/** The smaller forms' state before their first answer. */
export const IDLE_ACTION: ActionState = { status: "idle" };

/** A successful answer of one of the smaller forms. */
export function done(message: Sentence, extra: Omit<ActionState, "status" | "message"> = {}): ActionState {
  return { status: "ok", message, ...extra };
}

/** What the sign-in form says; a wrong password and an unknown name get the same sentence. */
export const SIGN_IN_MESSAGES = {
  wrong: sentence("signInWrong"),
  missing: sentence("signInMissing"),
  later: sentence("signInLater"),
};
