import { describe, expect, it } from "vitest";
import { parseBefore, parseUserListParams, userListHref } from "@/lib/http/search-params";

const defaults = { q: "", org: "", role: undefined, sort: "name", after: "", before: "", last: false };

describe("admin user list query strings: anything odd gives the normal page", () => {
  it.each([
    ["nothing", {}, defaults],
    ["a search", { q: "zoë mül" }, { ...defaults, q: "zoë mül" }],
    ["repeated q: the first counts", { q: ["a", "b"] }, { ...defaults, q: "a" }],
    ["NUL in q is dropped", { q: "a\u0000b" }, { ...defaults, q: "ab" }],
    ["control characters in q are dropped", { q: "a\tb\u007f" }, { ...defaults, q: "ab" }],
    ["q longer than 200 is cut", { q: "x".repeat(500) }, { ...defaults, q: "x".repeat(200) }],
    ["a role", { role: "ORG_ADMIN" }, { ...defaults, role: "ORG_ADMIN" }],
    ["an unknown role", { role: "ROOT" }, defaults],
    ["a sort", { sort: "created" }, { ...defaults, sort: "created" }],
    ["an unknown sort", { sort: "passwordHash" }, defaults],
    ["a page number (the list pages by cursors now): ignored", { page: "3" }, defaults],
    ["a cursor", { after: "WzEsIm5hbWUiXQ" }, { ...defaults, after: "WzEsIm5hbWUiXQ" }],
    ["a cursor back", { before: "WzEsIm5hbWUiXQ" }, { ...defaults, before: "WzEsIm5hbWUiXQ" }],
    ["repeated cursors: the first counts", { after: ["a", "b"] }, { ...defaults, after: "a" }],
    ["NUL in a cursor is dropped (searchUsers refuses what is left)", { after: "ab\u0000c" }, { ...defaults, after: "abc" }],
    ["a cursor longer than 4096 is cut", { before: "x".repeat(5000) }, { ...defaults, before: "x".repeat(4096) }],
    ["the last page", { last: "1" }, { ...defaults, last: true }],
    ["last=anything else", { last: "yes" }, defaults],
    ["repeated last", { last: ["1", "0"] }, { ...defaults, last: true }],
    ["NUL in org is dropped", { org: "a\u0000" }, { ...defaults, org: "a" }],
  ])("%s", (_label, input, expected) => expect(parseUserListParams(input)).toEqual(expected));

  it.each([
    ["nothing", undefined, undefined],
    ["a sequence", "20", 20],
    ["beyond a 32-bit sequence", "2147483648", undefined],
    ["zero", "0", undefined],
    ["not a number", "x", undefined],
    ["repeated", ["5", "6"], 5],
    ["NUL", "5\u0000", undefined],
  ])("history ?before= %s", (_label, before, expected) => expect(parseBefore({ before })).toBe(expected));

  it("links keep search, filters and sort, leave defaults out, and name one page", () => {
    const params = parseUserListParams({ q: "zoë", role: "USER", sort: "email", after: "old" });
    expect(userListHref(params)).toBe("/admin/users?q=zo%C3%AB&role=USER&sort=email");
    expect(userListHref(params, { after: "abc-_9" })).toBe("/admin/users?q=zo%C3%AB&role=USER&sort=email&after=abc-_9");
    expect(userListHref(params, { before: "abc" })).toBe("/admin/users?q=zo%C3%AB&role=USER&sort=email&before=abc");
    expect(userListHref(params, { last: true })).toBe("/admin/users?q=zo%C3%AB&role=USER&sort=email&last=1");
    expect(userListHref(parseUserListParams({ org: "o1" }), "first")).toBe("/admin/users?org=o1");
    expect(userListHref(parseUserListParams({}))).toBe("/admin/users");
  });
});
