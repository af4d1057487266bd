import { useTranslations } from "next-intl";
import { say, type Sentence } from "@/lib/i18n/sentence";

/**
 * Sentences (lib/i18n/sentence.ts: what the schema, the service and the server actions say) in the
 * reader's language: a field message as they type, a form's answer after a post. Server and client
 * components alike.
 */
export function useSay(): (value: Sentence) => string {
  const t = useTranslations("sentences");
  return (value) => say(t as never, value);
}
