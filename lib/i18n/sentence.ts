/**
 * A sentence the service says (an error, a field message, a notice), as a key of the "sentences"
 * catalogue and its values, encoded in one string: "tooLong?max=200". The schema, the service and
 * the server actions pass these along as they pass strings; each surface renders them in its
 * reader's language (the form in the browser and on the server, the APIs by Accept-Language).
 */
export type Sentence = string;
export type SentenceValues = Record<string, string | number>;

export function sentence(key: string, values?: SentenceValues): Sentence {
  if (!values) return key;
  return `${key}?${new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)]))}`;
}

/** The key and values of a sentence; numbers come back as numbers (for plurals and formatting). */
export function parseSentence(value: Sentence): { key: string; values: SentenceValues } {
  const at = value.indexOf("?");
  if (at < 0) return { key: value, values: {} };
  const values: SentenceValues = {};
  for (const [k, v] of new URLSearchParams(value.slice(at + 1))) values[k] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  return { key: value.slice(0, at), values };
}

/** What a translator needs: the "sentences" catalogue's lookup (next-intl's `t`, or createTranslator's). */
export interface ErrorTranslator {
  (key: string, values?: SentenceValues): string;
  has(key: string): boolean;
}

/** The sentence in the translator's language; text that is not a known key is shown as it is. */
export function say(t: ErrorTranslator, value: Sentence): string {
  const { key, values } = parseSentence(value);
  return t.has(key) ? t(key, values) : value;
}
