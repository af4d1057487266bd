import type { Profile } from "./types";

/** The form's values as text, the way inputs hold them. */
export interface ProfileFormValues {
  firstName: string;
  lastName: string;
  nickName: string;
  displayName: string;
  preferredLanguage: string;
  gender: string;
  email: string;
}

export const FORM_FIELDS = ["firstName", "lastName", "nickName", "displayName", "preferredLanguage", "gender", "email"] as const;

/** What a profile form submission answers; rendered the same with or without JavaScript. */
export interface ProfileFormState {
  status: "idle" | "saved" | "unchanged" | "invalid" | "conflict" | "error";
  message?: string;
  /** What the person submitted, so that nothing they typed is lost. */
  values?: ProfileFormValues;
  errors?: Partial<Record<keyof ProfileFormValues | "currentPassword", string>>;
  /** The stored profile after a save, or the newer version after a conflict. */
  saved?: ProfileFormValues;
  sequence?: number;
  /** Who made the newer version, and when (conflict). */
  savedAt?: string;
}

export function toFormValues(profile: Profile): ProfileFormValues {
  return {
    firstName: profile.firstName,
    lastName: profile.lastName,
    nickName: profile.nickName ?? "",
    displayName: profile.displayName,
    preferredLanguage: profile.preferredLanguage ?? "",
    gender: profile.gender,
    email: profile.email ?? "",
  };
}

/** What the smaller admin forms (role, password reset, create user) answer. */
export interface ActionState {
  status: "idle" | "ok" | "error";
  message?: string;
  errors?: Record<string, string>;
  /** A generated password, shown once. */
  secret?: string;
  /** Values to put back into the form after an error. */
  values?: Record<string, string>;
  /** Where the result lives (a created user). */
  href?: string;
}
