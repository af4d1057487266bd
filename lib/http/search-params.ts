import { z } from "zod";
import { SORTS, type SortKey } from "../profile/admin";
import { role } from "../profile/schema";

/** An id from a URL or a bound action argument: text to look up, without control characters (PostgreSQL refuses NUL). */
export const pathId = z.string().min(1).max(200).regex(/^[^\p{Cc}]+$/u);

/** Next's searchParams: a repeated parameter arrives as an array; the first one counts. */
type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Text from the address bar: control characters (NUL included) dropped, cut to `max`. */
const text = (max: number) =>
  z.preprocess(first, z.string().transform((s) => s.replace(/\p{Cc}/gu, "").slice(0, max))).catch("");

const wholeNumber = (max: number) => z.preprocess(first, z.coerce.number().int().min(1).max(max));

const SORT_KEYS = Object.keys(SORTS) as [SortKey, ...SortKey[]];

/**
 * The admin user list's query string. Never fails: anything odd (repeated, NUL bytes, out of range,
 * unknown) falls back to the default, so a hand-edited URL shows the normal page. The page is a
 * keyset cursor — `after` or `before` (opaque text that searchUsers checks; one it does not accept
 * gives the first page) — or `last=1`; none is the first page.
 */
const userListParams = z.object({
  q: text(200),
  org: text(64),
  role: z.preprocess(first, z.optional(role)).catch(undefined),
  sort: z.preprocess(first, z.enum(SORT_KEYS)).catch("name"),
  after: text(4096),
  before: text(4096),
  last: z.preprocess(first, z.literal("1").transform(() => true)).catch(false),
});
export type UserListParams = z.output<typeof userListParams>;

export function parseUserListParams(params: SearchParams): UserListParams {
  return userListParams.parse(params);
}

/** `?before=<sequence>` of a history page: a sequence, or none. */
export function parseBefore(params: SearchParams): number | undefined {
  return wholeNumber(2_147_483_647).optional().catch(undefined).parse(params.before);
}

/** Which page of the list: after or before a cursor, the last one, or (none of these) the first. */
export type UserListPage = { after: string } | { before: string } | { last: true } | "first";

/** The list's URL for `params` (search, filters and sort kept, defaults left out) at `page`. */
export function userListHref(params: UserListParams, page: UserListPage = "first"): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.org) query.set("org", params.org);
  if (params.role) query.set("role", params.role);
  if (params.sort !== "name") query.set("sort", params.sort);
  if (page !== "first") {
    if ("after" in page) query.set("after", page.after);
    else if ("before" in page) query.set("before", page.before);
    else query.set("last", "1");
  }
  const search = query.toString();
  return search ? `/admin/users?${search}` : "/admin/users";
}
