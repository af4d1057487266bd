import anyAscii from "any-ascii";

/** Lower-cased and without accents, so "zoe" finds "Zoë" and "ZOË". */
export function foldForSearch(text: string): string {
  // NFC at the end puts back what NFD took apart and has no accent to lose (Hangul syllables).
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().normalize("NFC");
}

/** ASCII spelling of folded text: letters NFD leaves alone ("ø", "ł", "æ", "ß") and other scripts. */
function transliterate(folded: string): string {
  return anyAscii(folded).toLowerCase();
}

// A letter of a script other than Latin ("山", "и", "λ").
const NON_LATIN_LETTER = /(?=\p{L})\P{Script=Latin}/u;
// Scripts written without spaces between words: every one of their characters may start a word.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// Words are runs of letters and digits; anything else (spaces, punctuation, "@", "-") separates them.
const SEPARATORS = /[^\p{L}\p{N}]+/u;

const wordsOf = (text: string) => text.split(SEPARATORS).filter(Boolean);
const length = (text: string) => [...text].length;

interface Searchable {
  username: string;
  email: string | null;
  firstName: string;
  lastName: string;
  displayName: string;
  nickName: string | null;
}

/**
 * The text admin search matches against; stored in User.searchText on every write: each distinct
 * word of the folded text and of its transliteration, each after a space — " søren kierkegaard
 * soren", " 太郎 山田 tailang shantian 太 郎 山 田" — plus every character of a word in an unspaced
 * script (CJK) as a word of its own. The space before every word is what lets one- and two-letter
 * searches match the start of a word with `LIKE '% zo%'`, which the trigram index serves (pg_trgm
 * pads words with spaces, so " zo" is one of a row's trigrams). Never empty (the username is not),
 * so an empty searchText marks a row to rebuild.
 */
export function searchText(user: Searchable): string {
  const folded = foldForSearch(
    [user.username, user.email, user.firstName, user.lastName, user.displayName, user.nickName].filter(Boolean).join(" "),
  );
  const words = new Set([...wordsOf(folded), ...wordsOf(transliterate(folded))]);
  for (const word of [...words]) {
    if (UNSPACED.test(word)) for (const char of word) if (UNSPACED.test(char)) words.add(char);
  }
  return ` ${[...words].join(" ")}`;
}

/**
 * One condition of a search: the stored text contains `text` within a word ("part"), or a word
 * starts with it ("start").
 */
export interface SearchTerm {
  match: "part" | "start";
  text: string;
}

/**
 * What a query asks for: every term must hold. The query is folded and cut into words as the
 * stored text is; a word in Latin letters is transliterated ("straße" → "strasse", "søren" →
 * "soren"), so it finds the name whichever way it was typed. A word with letters of another script
 * stays as typed: it matches the kept original, because its transliteration is lossy ("山" → "shan"
 * would find "Shannon"). Words of three or more letters match anywhere in a word ("mull" finds
 * "Müller"); shorter ones match the start of a word ("zo" finds "Zoë", not "Lorenzo"): trigrams
 * cannot find a one- or two-letter part of a word, but they can find a word's start. Characters
 * of unspaced scripts each start a word, so "田" finds "山田".
 * Returns [] for a blank query (everyone), null for one that cannot match anything (only punctuation).
 */
export function searchTerms(query: string): SearchTerm[] | null {
  const raw = foldForSearch(query).split(/\s+/).filter(Boolean).slice(0, 8);
  const terms = new Map<string, SearchTerm>();
  const add = (match: SearchTerm["match"], text: string) => terms.set(`${match}:${text}`, { match, text });
  for (const typed of raw) {
    const word = NON_LATIN_LETTER.test(typed) ? typed : transliterate(typed);
    for (const token of wordsOf(word)) {
      if (UNSPACED.test(token)) {
        for (const char of token) if (UNSPACED.test(char)) add("start", char);
        if (length(token) > 1) add("part", token); // the characters next to each other, as typed
      } else {
        add(length(token) < 3 ? "start" : "part", token);
      }
    }
  }
  if (raw.length && !terms.size) return null;
  return [...terms.values()].slice(0, 16);
}

/** The LIKE pattern of a term (LIKE's wildcards in it match literally). */
export function likePattern(term: SearchTerm): string {
  const text = term.text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return term.match === "start" ? `% ${text}%` : `%${text}%`;
}
