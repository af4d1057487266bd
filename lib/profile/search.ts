/** Lower-cased and without accents, so "zoe" finds "Zoë" and "ZOË". */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

interface Searchable {
  username: string;
  email: string | null;
  firstName: string;
  lastName: string;
  displayName: string;
  nickName: string | null;
}

/** The text admin search matches against; stored in User.searchText on every write. */
export function searchText(user: Searchable): string {
  return foldForSearch(
    [user.username, user.email, user.firstName, user.lastName, user.displayName, user.nickName].filter(Boolean).join(" "),
  );
}

/** The words of a query, folded; each must occur somewhere in a user's search text. */
export function searchWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean).slice(0, 8);
}
