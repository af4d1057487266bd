import anyAscii from "any-ascii";

/** Lower-cased and without accents, so "zoe" finds "Zoë" and "ZOË". */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** ASCII spelling of folded text: letters NFD leaves alone ("ø", "ł", "æ", "ß") and other scripts. */
function transliterate(folded: string): string {
  return anyAscii(folded).toLowerCase();
}

// A letter of a script other than Latin ("山", "и", "λ").
const NON_LATIN_LETTER = /(?=\p{L})\P{Script=Latin}/u;

interface Searchable {
  username: string;
  email: string | null;
  firstName: string;
  lastName: string;
  displayName: string;
  nickName: string | null;
}

/**
 * The text admin search matches against; stored in User.searchText on every write. The folded
 * text, then its transliteration when that differs: "søren soren", "山田 shantian", "иван ivan".
 * Never empty (the username is not), so an empty searchText marks a row to rebuild.
 */
export function searchText(user: Searchable): string {
  const folded = foldForSearch(
    [user.username, user.email, user.firstName, user.lastName, user.displayName, user.nickName].filter(Boolean).join(" "),
  );
  const ascii = transliterate(folded);
  return ascii === folded ? folded : `${folded} ${ascii}`;
}

/**
 * The words of a query, folded; each must occur somewhere in a user's search text. A word in
 * Latin letters is transliterated ("straße" → "strasse", "søren" → "soren"), so it finds the name
 * whichever way it was typed. A word with letters of another script stays as typed: it matches the
 * kept original, because its transliteration is lossy ("山" → "shan" would find "Shannon").
 */
export function searchWords(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/)
    .map((word) => (NON_LATIN_LETTER.test(word) ? word : transliterate(word)))
    .filter(Boolean) // a word that transliterates to nothing would match everyone
    .slice(0, 8);
}
