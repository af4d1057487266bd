import type { UseFormRegister } from "react-hook-form";
import { useLocale, useTranslations } from "next-intl";
import { COMMON_LANGUAGES, GENDERS, type ProfileField } from "@/lib/profile/schema";
import { LOCALES } from "@/lib/i18n/config";
import { languageName, ownLanguageName } from "@/lib/format";
import { InputField, SelectField } from "./ui/field";

type NameField = "firstName" | "lastName" | "displayName" | "nickName";

// What the browser may fill in (WCAG 1.3.5); a display name has no autocomplete token of its own.
const NAME_FIELDS: { name: NameField; autoComplete?: string; optional?: boolean; hint?: "displayNameHint" }[] = [
  { name: "firstName", autoComplete: "given-name" },
  { name: "lastName", autoComplete: "family-name" },
  { name: "displayName", hint: "displayNameHint" },
  { name: "nickName", autoComplete: "nickname", optional: true },
];

const OFFERED: readonly string[] = [...LOCALES, ...COMMON_LANGUAGES];

/**
 * What a language option reads: the language in its own name, for whoever looks for it, and in
 * the page's language ("Deutsch — German"); once when the two are the same. The own name only
 * when the runtime speaks that language (else DisplayNames would answer in some default one).
 */
function useLanguageLabel() {
  const t = useTranslations("fields");
  const ui = useLocale();
  return (tag: string) => {
    const translated = languageName(tag, ui);
    const own = ownLanguageName(tag);
    return !own || own === translated ? translated : t("languageOption", { own, translated });
  };
}

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
  const t = useTranslations("fields");
  const label = useLanguageLabel();
  const language = defaults.preferredLanguage;
  // Option texts come from the runtime's Intl data, which the server's and the browser's may word differently.
  const option = (tag: string) => (
    <option key={tag} value={tag} suppressHydrationWarning>{label(tag)}</option>
  );
  return (
    <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
      {NAME_FIELDS.map(({ name, autoComplete, optional, hint }) => (
        <InputField
          key={name}
          {...register(name)}
          label={t(name)}
          hint={hint && t(hint)}
          error={errorOf(name)}
          optional={optional}
          required={!optional}
          defaultValue={defaults[name]}
          autoComplete={autofill(own, autoComplete)}
          dir="auto"
        />
      ))}
      <SelectField {...register("preferredLanguage")} label={t("preferredLanguage")} optional error={errorOf("preferredLanguage")} defaultValue={language} autoComplete={autofill(own, "language")}>
        <option value="">{t("notSet")}</option>
        {/* A tag set through the API that the form does not offer stays selectable, first. */}
        {language && !OFFERED.includes(language) && option(language)}
        <optgroup label={t("languageGroups.app")}>{LOCALES.map(option)}</optgroup>
        <optgroup label={t("languageGroups.more")}>{COMMON_LANGUAGES.map(option)}</optgroup>
      </SelectField>
      <SelectField {...register("gender")} label={t("gender")} error={errorOf("gender")} defaultValue={defaults.gender} autoComplete={autofill(own, "sex")}>
        {GENDERS.map((g) => (
          <option key={g} value={g}>{t(`genders.${g}`)}</option>
        ))}
      </SelectField>
    </div>
  );
}
