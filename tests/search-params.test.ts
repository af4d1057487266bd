import { describe, expect, it } from "vitest";
import { parseBefore, parseUserListParams, userListHref } from "@/lib/http/search-params";

const defaults = { q: "", org: "", role: undefined, sort: "name", page: 1 };

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
    ["page 3", { page: "3" }, { ...defaults, page: 3 }],
    ["page 0", { page: "0" }, defaults],
    ["negative page", { page: "-4" }, defaults],
    ["page beyond ten million", { page: "2147483648" }, defaults],
    ["absurd page", { page: "1e30" }, defaults],
    ["page not a number", { page: "abc" }, defaults],
    ["fractional page", { page: "1.5" }, defaults],
    ["repeated pages", { page: ["2", "3"] }, { ...defaults, page: 2 }],
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

  it("links leave defaults out and keep the rest", () => {
    const params = parseUserListParams({ q: "zoë", role: "USER", page: "4" });
    expect(userListHref(params, { page: 5 })).toBe("/admin/users?q=zo%C3%AB&role=USER&page=5");
    expect(userListHref(params, { page: 1, q: "", role: undefined })).toBe("/admin/users");
  });
});
