import type { UseFormRegister } from "react-hook-form";
import { COMMON_LANGUAGES, FIELD_LABELS, GENDERS, GENDER_LABELS, type ProfileField } from "@/lib/profile/schema";
import { languageName } from "@/lib/format";
import { InputField, SelectField } from "./ui/field";

type NameField = "firstName" | "lastName" | "displayName" | "nickName";

// What the browser may fill in (WCAG 1.3.5); a display name has no autocomplete token of its own.
const NAME_FIELDS: { name: NameField; autoComplete?: string; optional?: boolean; hint?: string }[] = [
  { name: "firstName", autoComplete: "given-name" },
  { name: "lastName", autoComplete: "family-name" },
  { name: "displayName", hint: "How the name is shown to others." },
  { name: "nickName", autoComplete: "nickname", optional: true },
];

interface Props {
  // The profile form and the create-user form register these fields under the same names.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- two forms with different value types share these fields
  register: UseFormRegister<any>;
  errorOf: (name: ProfileField) => string | undefined;
  defaults: Record<Exclude<ProfileField, "email">, string>;
  /**
   * The person's own profile: the browser may fill in their name (WCAG 1.3.5). On someone else's
   * (an administrator's forms) autofill would put the administrator's own details in: it is off.
   */
  own: boolean;
}

/** The autocomplete token of a field: its own on one's own profile, else off. */
export const autofill = (own: boolean, token?: string) => (own ? token : "off");

/** The profile fields shared by the profile form and the create-user form. */
export function ProfileFields({ register, errorOf, defaults, own }: Props) {
  const language = defaults.preferredLanguage;
  const languages = !language || COMMON_LANGUAGES.some((l) => l.tag === language)
    ? COMMON_LANGUAGES
    : [{ tag: language, label: languageName(language) }, ...COMMON_LANGUAGES];
  return (
    <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
      {NAME_FIELDS.map(({ name, autoComplete, optional, hint }) => (
        <InputField
          key={name}
          {...register(name)}
          label={FIELD_LABELS[name]}
          hint={hint}
          error={errorOf(name)}
          optional={optional}
          required={!optional}
          defaultValue={defaults[name]}
          autoComplete={autofill(own, autoComplete)}
          dir="auto"
        />
      ))}
      <SelectField {...register("preferredLanguage")} label={FIELD_LABELS.preferredLanguage} optional error={errorOf("preferredLanguage")} defaultValue={language} autoComplete={autofill(own, "language")}>
        <option value="">Not set</option>
        {languages.map((l) => (
          <option key={l.tag} value={l.tag} lang={l.tag}>{l.label}</option>
        ))}
      </SelectField>
      <SelectField {...register("gender")} label={FIELD_LABELS.gender} error={errorOf("gender")} defaultValue={defaults.gender} autoComplete={autofill(own, "sex")}>
        {GENDERS.map((g) => (
          <option key={g} value={g}>{GENDER_LABELS[g]}</option>
        ))}
      </SelectField>
    </div>
  );
}
