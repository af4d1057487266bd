import "server-only";
import { isProfileError, type ProfileErrorCode } from "../profile/errors";
import { FORM_FIELDS, toFormValues, type ActionState, type ProfileFormState, type ProfileFormValues } from "../profile/form-state";
import { fieldIssues, profileForm } from "../profile/schema";
import { updateProfile } from "../profile/service";
import type { Caller, ChangeVia } from "../profile/types";

/** The form dialect's mapping table: error code → form status and the sentence people read. */
const FORM_ERRORS: Record<ProfileErrorCode, { status: ProfileFormState["status"]; message: string }> = {
  INVALID: { status: "invalid", message: "Some fields need your attention." },
  CONFLICT: { status: "invalid", message: "Some fields need your attention." },
  PRECONDITION_FAILED: { status: "conflict", message: "This profile was changed by someone else while you were editing." },
  READ_ONLY: { status: "error", message: "Profiles are read-only at the moment. Your changes were not saved." },
  NOT_FOUND: { status: "error", message: "This user does not exist." },
  FORBIDDEN: { status: "error", message: "You may not change this profile." },
  UNAUTHENTICATED: { status: "error", message: "Your session has ended. Sign in again in another tab, then save." },
  BAD_REQUEST: { status: "error", message: "The form could not be read. Reload the page and try again." },
  UNSUPPORTED_MEDIA_TYPE: { status: "error", message: "The form could not be read. Reload the page and try again." },
  PAYLOAD_TOO_LARGE: { status: "error", message: "The form is too large to save." },
};

export function readFormValues(formData: FormData): ProfileFormValues {
  return textFields(formData, FORM_FIELDS) as unknown as ProfileFormValues;
}

/**
 * Handles a profile form submission (self-service or admin): validates with the form schema,
 * saves through the service at the version the form was loaded at, and maps the outcome.
 */
export async function submitProfileForm(
  caller: Caller | null,
  targetId: string,
  formData: FormData,
  via: ChangeVia,
): Promise<ProfileFormState> {
  const values = readFormValues(formData);
  if (!caller) return { status: "error", message: FORM_ERRORS.UNAUTHENTICATED.message, values };
  const currentPassword = formData.get("currentPassword");
  const parsed = profileForm.safeParse({ ...values, currentPassword: typeof currentPassword === "string" ? currentPassword : undefined });
  if (!parsed.success) {
    const errors = Object.fromEntries(fieldIssues(parsed.error).map((i) => [i.field, i.message]));
    return { status: "invalid", message: FORM_ERRORS.INVALID.message, values, errors };
  }
  const rawSequence = formData.get("sequence");
  const sequence = typeof rawSequence === "string" && /^\d{1,15}$/.test(rawSequence) ? Number(rawSequence) : undefined;
  const { currentPassword: password, ...input } = parsed.data;
  try {
    const result = await updateProfile(caller, targetId, input, {
      via,
      ifSequence: sequence,
      currentPassword: password,
    });
    return {
      status: result.changed ? "saved" : "unchanged",
      message: result.changed ? "Your changes were saved." : "Nothing to save: the profile already had these values.",
      saved: toFormValues(result.profile),
      sequence: result.profile.sequence,
    };
  } catch (error) {
    if (!isProfileError(error)) throw error;
    const mapped = FORM_ERRORS[error.code];
    return {
      status: mapped.status,
      message: mapped.message,
      values,
      errors: Object.fromEntries(error.issues.map((i) => [i.field, i.message])),
      ...(error.current && {
        saved: toFormValues(error.current),
        sequence: error.current.sequence,
        savedAt: error.current.updatedAt.toISOString(),
      }),
    };
  }
}

/** Runs an admin action and maps a ProfileError to the smaller forms' state through the same table. */
export async function runAction(
  caller: Caller | null,
  values: Record<string, string>,
  action: (caller: Caller) => Promise<ActionState>,
): Promise<ActionState> {
  if (!caller) return { status: "error", message: FORM_ERRORS.UNAUTHENTICATED.message, values };
  try {
    return await action(caller);
  } catch (error) {
    if (!isProfileError(error)) throw error;
    const errors = Object.fromEntries(error.issues.map((i) => [i.field, i.message]));
    const message = error.issues.length ? FORM_ERRORS.INVALID.message : FORM_ERRORS[error.code].message;
    return { status: "error", message, errors, values };
  }
}

/** FormData's text fields, as a plain object. */
export function textFields(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      const value = formData.get(name);
      return [name, typeof value === "string" ? value : ""];
    }),
  );
}
