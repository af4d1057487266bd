import { sentences } from "@/lib/i18n/translate";

/** Sentences (lib/i18n/sentence.ts) as an English reader sees them. */
export const say = await sentences("en");

/** An error of the service as an English reader sees it: its message and field messages worded. */
export function inEnglish(error: { code?: string; message: string; issues?: { field: string; message: string }[] }) {
  return { code: error.code, message: say(error.message), issues: error.issues?.map((i) => ({ ...i, message: say(i.message) })) };
}
