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
 * unknown) falls back to the default, so a hand-edited URL shows the normal page.
 */
const userListParams = z.object({
  q: text(200),
  org: text(64),
  role: z.preprocess(first, role.optional()).catch(undefined),
  sort: z.preprocess(first, z.enum(SORT_KEYS)).catch("name"),
  page: wholeNumber(10_000_000).catch(1),
});
export type UserListParams = z.output<typeof userListParams>;

export function parseUserListParams(params: SearchParams): UserListParams {
  return userListParams.parse(params);
}

/** `?before=<sequence>` of a history page: a sequence, or none. */
export function parseBefore(params: SearchParams): number | undefined {
  return wholeNumber(2_147_483_647).optional().catch(undefined).parse(params.before);
}

/** The list's URL for `params` changed by `change`, with defaults left out. */
export function userListHref(params: UserListParams, change: Partial<UserListParams>): string {
  const next = { ...params, ...change };
  const query = new URLSearchParams();
  if (next.q) query.set("q", next.q);
  if (next.org) query.set("org", next.org);
  if (next.role) query.set("role", next.role);
  if (next.sort !== "name") query.set("sort", next.sort);
  if (next.page !== 1) query.set("page", String(next.page));
  const search = query.toString();
  return search ? `/admin/users?${search}` : "/admin/users";
}
