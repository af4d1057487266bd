import { useLocale, useTranslations } from "next-intl";
import { languageName } from "@/lib/format";

const NAMED: Record<string, string> = { gender: "genders", role: "roles" };

/**
 * A stored value as people read it, in the page's language: a gender's or role's name, a language
 * tag's name ("de-CH" → "Swiss High German"); any other value, or one without a name, as it is.
 * The history and the conflict view both show values this way.
 */
export function useFieldValue(): (field: string, value: string) => string {
  const fields = useTranslations("fields");
  const locale = useLocale();
  return (field, value) => {
    const key = `${NAMED[field]}.${value}`;
    if (NAMED[field] && fields.has(key)) return fields(key);
    if (field === "preferredLanguage" && value) return languageName(value, locale);
    return value;
  };
}
