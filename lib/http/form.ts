import "server-only";
import { z } from "zod";
import { requireCaller, type SessionUser } from "../auth/session";
import type { ProfileError, ProfileErrorCode } from "../profile/errors";
import { asProfileError } from "./known-error";
import { fieldIssues, PROFILE_FIELDS, profileForm } from "../profile/schema";
import { updateProfile } from "../profile/service";
import type { ChangeVia } from "../profile/types";
import { pathId } from "./search-params";
import { FIX_FIELDS, toFormValues, type ActionState, type FormState, type ProfileFormState, type ProfileFormValues } from "./form-state";
import { sentence, type Sentence } from "../i18n/sentence";

const UNREADABLE = sentence("formUnreadable");

/** The form dialect's mapping table: error code → form status and the sentence people read. */
const FORM_ERRORS: Record<ProfileErrorCode, { status: ProfileFormState["status"]; message: Sentence | ((error: ProfileError) => Sentence) }> = {
  INVALID: { status: "invalid", message: FIX_FIELDS },
  CONFLICT: { status: "invalid", message: FIX_FIELDS },
  PRECONDITION_FAILED: { status: "conflict", message: sentence("changedWhileEditing") },
  READ_ONLY: { status: "error", message: sentence("readOnlyNotSaved") },
  NOT_FOUND: { status: "error", message: sentence("noSuchUser") },
  FORBIDDEN: { status: "error", message: sentence("mayNotChange") },
  UNAUTHENTICATED: { status: "error", message: sentence("sessionExpired") },
  BAD_REQUEST: { status: "error", message: UNREADABLE },
  UNSUPPORTED_MEDIA_TYPE: { status: "error", message: UNREADABLE },
  PAYLOAD_TOO_LARGE: { status: "error", message: sentence("formTooLarge") },
  // These say when to try again.
  RATE_LIMITED: { status: "error", message: (error) => error.message },
  UNAVAILABLE: { status: "error", message: (error) => error.message },
};

function formMessage(error: ProfileError): string {
  const { message } = FORM_ERRORS[error.code];
  return typeof message === "function" ? message(error) : message;
}

const fieldMessages = (error: ProfileError) => Object.fromEntries(error.issues.map((i) => [i.field, i.message]));

/** A bound argument of a server action: the id of what it acts on. */
export const idArgument = pathId;

type Outputs<A extends readonly z.core.$ZodType[]> = { [K in keyof A]: z.output<A[K]> };

interface ActionSpec<A extends readonly z.core.$ZodType[]> {
  /** Schemas of the arguments bound with `.bind(null, ...)`, checked: a client may send anything. */
  args?: readonly [...A];
  /** The form's text fields; a missing one reads as "". */
  fields?: readonly string[];
  /** Fields never sent back to the page (passwords). */
  secret?: readonly string[];
  /** Runs while an administrator-set password awaits replacing (only the action that replaces it). */
  passwordChange?: boolean;
}

interface ActionInput<A extends readonly z.core.$ZodType[]> {
  caller: SessionUser;
  args: Outputs<A>;
  values: Record<string, string>;
}

/**
 * A server action behind one guard: the signed-in caller (or a redirect to /login before anything
 * runs), bound arguments and form fields read through schemas (anything else is a clear error,
 * never a 500), and the service's errors mapped through the form table with what was typed kept.
 */
export function formAction<A extends readonly z.core.$ZodType[] = [], S extends FormState = ActionState>(
  spec: ActionSpec<A>,
  run: (input: ActionInput<A>) => Promise<NoInfer<S>>,
): (...input: [...Outputs<A>, S, FormData]) => Promise<S> {
  return async (...raw: unknown[]) => {
    const caller = await requireCaller({ passwordChange: spec.passwordChange });
    const count = spec.args?.length ?? 0;
    const args = z.tuple([...(spec.args ?? [])] as z.core.$ZodType[] as [z.core.$ZodType]).safeParse(raw.slice(0, count));
    const formData = raw[count + 1] ?? new FormData();
    if (!args.success || !(formData instanceof FormData)) return { status: "error", message: UNREADABLE } as S;
    const values = textFields(formData, spec.fields ?? []);
    const kept = Object.fromEntries(Object.entries(values).filter(([name]) => !spec.secret?.includes(name)));
    try {
      return await run({ caller, args: args.data as Outputs<A>, values });
    } catch (thrown) {
      const error = asProfileError(thrown);
      if (!error) throw thrown;
      const errors = fieldMessages(error);
      const message = error.issues.length ? FIX_FIELDS : formMessage(error);
      return { status: "error", message, errors, values: kept } as S;
    }
  };
}

/**
 * A profile form submission (self-service or admin): validates with the form schema, saves through
 * the service at the version the form was loaded at, and maps the outcome.
 */
export async function submitProfileForm(
  caller: SessionUser,
  targetId: string,
  input: Record<string, string>,
  via: ChangeVia,
): Promise<ProfileFormState> {
  const values = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, input[f] ?? ""])) as ProfileFormValues;
  const parsed = profileForm.safeParse({ ...values, currentPassword: input.currentPassword || undefined });
  if (!parsed.success) {
    const errors = Object.fromEntries(fieldIssues(parsed.error).map((i) => [i.field, i.message]));
    return { status: "invalid", message: FIX_FIELDS, values, errors };
  }
  const sequence = /^\d{1,15}$/.test(input.sequence ?? "") ? Number(input.sequence) : undefined;
  const { currentPassword, ...profile } = parsed.data;
  try {
    const result = await updateProfile(caller, targetId, profile, { via, ifSequence: sequence, currentPassword });
    return {
      status: result.changed ? "saved" : "unchanged",
      message: result.pendingEmail
        ? sentence("savedPendingEmail", { email: result.pendingEmail })
        : sentence(result.changed ? "saved" : "unchanged"),
      saved: toFormValues(result.profile),
      sequence: result.profile.sequence,
    };
  } catch (thrown) {
    const error = asProfileError(thrown);
    if (!error) throw thrown;
    return {
      status: FORM_ERRORS[error.code].status,
      message: formMessage(error),
      values,
      errors: fieldMessages(error),
      ...(error.current && {
        saved: toFormValues(error.current),
        sequence: error.current.sequence,
        savedAt: error.current.updatedAt.toISOString(),
      }),
    };
  }
}

/** The profile form's fields, plus what travels with them. */
export const PROFILE_FORM_FIELDS = [...PROFILE_FIELDS, "currentPassword", "sequence"] as const;

/** FormData's text fields, as a plain object ("" for a missing or non-text one). */
function textFields(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      const value = formData.get(name);
      return [name, typeof value === "string" ? value : ""];
    }),
  );
}
