import type { UseFormRegisterReturn } from "react-hook-form";
import { COMMON_LANGUAGES, GENDERS, GENDER_LABELS } from "@/lib/profile/schema";
import { Field, describedBy, inputClass } from "./ui/field";

export type ProfileFieldName = "firstName" | "lastName" | "displayName" | "nickName" | "preferredLanguage" | "gender";

const TEXT_FIELDS: { name: ProfileFieldName; label: string; autoComplete: string; optional?: boolean; hint?: string }[] = [
  { name: "firstName", label: "First name", autoComplete: "given-name" },
  { name: "lastName", label: "Last name", autoComplete: "family-name" },
  { name: "displayName", label: "Display name", autoComplete: "nickname", hint: "How the name is shown to others." },
  { name: "nickName", label: "Nickname", autoComplete: "off", optional: true },
];

/** Props for one input: the ids that tie it to its label, hint and error. */
export function controlProps(name: string, error: string | undefined, hint?: string) {
  return {
    id: name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(name, { hint, error }),
    className: inputClass(Boolean(error)),
  };
}

interface Props {
  register: (name: ProfileFieldName) => UseFormRegisterReturn;
  errorOf: (name: ProfileFieldName) => string | undefined;
  defaults: Record<ProfileFieldName, string>;
}

/** The profile fields shared by the profile form and the create-user form. */
export function ProfileFields({ register, errorOf, defaults }: Props) {
  const language = defaults.preferredLanguage;
  const languages = !language || COMMON_LANGUAGES.some((l) => l.tag === language)
    ? COMMON_LANGUAGES
    : [{ tag: language, label: language }, ...COMMON_LANGUAGES];
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      {TEXT_FIELDS.map(({ name, label, autoComplete, optional, hint }) => (
        <Field key={name} id={name} label={label} optional={optional} hint={hint} error={errorOf(name)}>
          <input
            {...register(name)}
            {...controlProps(name, errorOf(name), hint)}
            defaultValue={defaults[name]}
            autoComplete={autoComplete}
            aria-required={!optional}
          />
        </Field>
      ))}
      <Field id="preferredLanguage" label="Preferred language" optional error={errorOf("preferredLanguage")}>
        <select {...register("preferredLanguage")} {...controlProps("preferredLanguage", errorOf("preferredLanguage"))} defaultValue={language}>
          <option value="">Not set</option>
          {languages.map((l) => (
            <option key={l.tag} value={l.tag} lang={l.tag}>{l.label}</option>
          ))}
        </select>
      </Field>
      <Field id="gender" label="Gender" error={errorOf("gender")}>
        <select {...register("gender")} {...controlProps("gender", errorOf("gender"))} defaultValue={defaults.gender}>
          {GENDERS.map((g) => (
            <option key={g} value={g}>{GENDER_LABELS[g]}</option>
          ))}
        </select>
      </Field>
    </div>
  );
}
