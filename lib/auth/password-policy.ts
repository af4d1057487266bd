import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { fieldError } from "../profile/errors";
import { sentence } from "../i18n/sentence";

// The dictionaries are a few megabytes: loaded on the first password someone chooses, not at start.
let checker: Promise<ZxcvbnFactory> | undefined;
function strengthChecker(): Promise<ZxcvbnFactory> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    return new ZxcvbnFactory({
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
  })();
  return checker;
}

/** zxcvbn's score (0–4) a password needs: 3 is "safely unguessable: moderate protection from offline attacks". */
const MIN_STRENGTH = 3;

/**
 * Refuses a new password that is common, breached-list, built from the person's own names, or
 * otherwise guessable (the length rule is the schema's). The message says why and what helps.
 */
export async function assertStrongPassword(password: string, field: string, about: { username: string; email?: string | null; names?: string[] }) {
  const lower = password.toLowerCase();
  const own = [about.username, about.email?.split("@")[0] ?? ""].filter((s) => s.length >= 3);
  if (own.some((s) => lower.includes(s.toLowerCase()))) {
    throw fieldError("INVALID", field, sentence("passwordContainsName"));
  }
  const result = (await strengthChecker()).check(password, [...own, ...(about.names ?? [])]);
  if (result.score < MIN_STRENGTH) {
    // zxcvbn's advice is English: English readers get it, other catalogues say it generally.
    const why = result.feedback.warning ?? "This password is too easy to guess.";
    const help = result.feedback.suggestions[0] ?? "Add more words that are less common.";
    throw fieldError("INVALID", field, sentence("weakPassword", { why: why.replace(/\.?$/, "."), help }));
  }
}
