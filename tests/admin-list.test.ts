import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNT_LIMIT, decodeCursor, encodeCursor, searchUsers, SORTS, type SortKey, type UserPage, type UserQuery } from "@/lib/profile/admin";
import { searchTerms } from "@/lib/profile/search";
import { seedUsers } from "@/lib/db/seed-users";
import type { Caller } from "@/lib/profile/types";
import { caller, createTestDb, DB_KINDS, makeUser, type TestDb } from "./helpers/db";

const SORT_KEYS = Object.keys(SORTS) as SortKey[];
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("cursors", () => {
  it.each([
    ["name", { part: 0, values: ["Müller", "Zoë", "0b6e…"] }],
    ["displayName", { part: 0, values: ["太郎 山田", "id-1"] }],
    ["username", { part: 0, values: ["seed-zoe.muller-1"] }],
    ["email", { part: 0, values: ["zoe@example.org"] }],
    ["email", { part: 1, values: ["id-without-email"] }],
    ["created", { part: 0, values: ["2024-02-29T23:59:59.999Z", "id-2"] }],
  ] as const)("%s: round trip through URL-safe text", (sort, cursor) => {
    const text = encodeCursor(sort, { part: cursor.part, values: [...cursor.values] });
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(sort, text)).toEqual(cursor);
  });

  const good = encodeCursor("created", { part: 0, values: ["2024-02-29T23:59:59.999Z", "id"] });
  it.each([
    ["nothing", undefined],
    ["empty", ""],
    ["not base64url", "a+b/c="],
    ["not JSON", Buffer.from("nope").toString("base64url")],
    ["truncated", good.slice(0, -3)],
    ["a different character", `${good.slice(0, 5)}${good[5] === "A" ? "B" : "A"}${good.slice(6)}`],
    ["an object", b64({ v: 1 })],
    ["another version", b64([2, "created", 0, "2024-02-29T23:59:59.999Z", "id"])],
    ["another sort", encodeCursor("name", { part: 0, values: ["a", "b", "c"] })],
    ["a part the sort does not have", b64([1, "created", 1, "2024-02-29T23:59:59.999Z", "id"])],
    ["a fractional part", b64([1, "created", 0.5, "2024-02-29T23:59:59.999Z", "id"])],
    ["too few values", b64([1, "created", 0, "2024-02-29T23:59:59.999Z"])],
    ["too many values", b64([1, "created", 0, "2024-02-29T23:59:59.999Z", "id", "x"])],
    ["a number for a string", b64([1, "created", 0, "2024-02-29T23:59:59.999Z", 7])],
    ["null for a string", b64([1, "created", 0, "2024-02-29T23:59:59.999Z", null])],
    ["NUL in a value (PostgreSQL refuses it)", b64([1, "created", 0, "2024-02-29T23:59:59.999Z", "a\u0000b"])],
    ["a lone surrogate", b64([1, "created", 0, "2024-02-29T23:59:59.999Z", "\ud800"])],
    ["a value too long", b64([1, "created", 0, "2024-02-29T23:59:59.999Z", "x".repeat(1001)])],
    ["a time that is not ISO", b64([1, "created", 0, "yesterday", "id"])],
    ["a time out of range", b64([1, "created", 0, "2024-13-45T25:61:61.000Z", "id"])],
    ["a time PostgreSQL reads but we never write", b64([1, "created", 0, "2024-02-29 23:59:59", "id"])],
    ["a year beyond 9999", b64([1, "created", 0, "+275760-09-13T00:00:00.000Z", "id"])],
    ["longer than any cursor", "A".repeat(5000)],
  ])("refuses %s", (_label, text) => expect(decodeCursor("created", text)).toBeNull());
});

describe("search terms", () => {
  it.each([
    ["", []],
    ["   ", []],
    ["zoe", [{ match: "part", text: "zoe" }]],
    ["zo", [{ match: "start", text: "zo" }]],
    ["Zoë Mü", [{ match: "part", text: "zoe" }, { match: "start", text: "mu" }]],
    ["o'brien", [{ match: "start", text: "o" }, { match: "part", text: "brien" }]],
    ["a@example.org", [{ match: "start", text: "a" }, { match: "part", text: "example" }, { match: "part", text: "org" }]],
    ["山田", [{ match: "start", text: "山" }, { match: "start", text: "田" }, { match: "part", text: "山田" }]],
    ["zo zo ZO", [{ match: "start", text: "zo" }]],
  ])("%j → %j", (q, terms) => expect(searchTerms(q)).toEqual(terms));

  it.each(["%", "_", "-", "!!", "'"])("%j can match nothing", (q) => expect(searchTerms(q)).toBeNull());
});

/**
 * Keyset paging on a table full of ties: the same names, display names and creation times over
 * and over, and users without email, so every order leans on its tie-breaker.
 */
describe.each(DB_KINDS)("keyset paging on %s", (kind) => {
  let t: TestDb;
  let admin: Caller;
  const SIZE = 7;
  const sameTime = new Date("2024-05-01T12:00:00.123Z");

  beforeAll(async () => {
    t = await createTestDb(kind);
    const me = await makeUser(t.client, { role: "ADMIN", username: "keyset-admin" });
    await t.client.user.update({ where: { id: me.id }, data: { searchText: " keyset admin" } });
    admin = caller(me);
    const org = await t.client.organization.findUniqueOrThrow({ where: { name: "Acme" } });
    for (let i = 0; i < 40; i++) {
      const twin = i % 3 === 0; // a third share first name, last name and display name
      const user = await makeUser(t.client, { username: `tie-${String(i).padStart(2, "0")}` });
      await t.client.user.update({
        where: { id: user.id },
        data: {
          firstName: twin ? "Ana" : `Ana${i % 5}`,
          lastName: twin ? "Tie" : `Tie${i % 4}`,
          displayName: twin ? "Ana Tie" : `Ana Tie ${i % 4}`,
          email: i % 4 === 1 ? null : user.email,
          createdAt: i % 2 ? sameTime : new Date(sameTime.getTime() + i * 1000),
          orgId: org.id,
          searchText: ` ${user.username.replace("-", " ")} ${i % 5 ? "common" : "rare"}`,
        },
      });
    }
  });
  afterAll(() => t.close());

  /** Every user's id in the order, as PostgreSQL sorts them. */
  async function expected(sort: SortKey, where: object = {}): Promise<string[]> {
    const orderBy = {
      name: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      displayName: [{ displayName: "asc" }, { id: "asc" }],
      username: [{ username: "asc" }],
      email: [{ email: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      created: [{ createdAt: "desc" }, { id: "desc" }],
    }[sort] as object[];
    return (await t.client.user.findMany({ where, orderBy, select: { id: true } })).map((u) => u.id);
  }

  async function walk(query: UserQuery, direction: "forwards" | "backwards") {
    const pages: UserPage[] = [];
    let page = await searchUsers(admin, { ...query, pageSize: SIZE, ...(direction === "backwards" ? { last: true } : {}) });
    for (;;) {
      pages.push(page);
      expect(page.rows.length).toBeLessThanOrEqual(SIZE);
      const next = direction === "forwards" ? page.after : page.before;
      if (!next) break;
      expect(pages.length).toBeLessThan(100);
      page = await searchUsers(admin, { ...query, pageSize: SIZE, ...(direction === "forwards" ? { after: next } : { before: next }) });
    }
    if (direction === "backwards") pages.reverse();
    return pages;
  }

  it.each(SORT_KEYS)("sorted by %s: forwards and backwards, every row once, in order", async (sort) => {
    const all = await expected(sort);
    expect(all.length).toBeGreaterThan(40);
    for (const direction of ["forwards", "backwards"] as const) {
      const pages = await walk({ sort }, direction);
      expect(pages.flatMap((p) => p.rows.map((r) => r.id)), direction).toEqual(all);
      expect(pages[0]!.atStart).toBe(true);
      expect(pages.at(-1)!.atEnd).toBe(true);
      expect(pages.slice(1).every((p) => !p.atStart)).toBe(true);
      expect(pages.slice(0, -1).every((p) => !p.atEnd)).toBe(true);
      // Full pages, but for the one where the walk ran out: the last forwards, the first backwards.
      const full = direction === "forwards" ? pages.slice(0, -1) : pages.slice(1);
      expect(full.every((p) => p.rows.length === SIZE)).toBe(true);
      expect(pages.every((p) => !p.invalidCursor)).toBe(true);
    }
  });

  it.each(SORT_KEYS)("sorted by %s with a search: the same, over the matches alone", async (sort) => {
    const all = await expected(sort, { searchText: { contains: " common" } });
    expect(all.length).toBeGreaterThan(SIZE * 3);
    // A long walk finds every page by walking the order. A walk of 3 rows looks through the matches: with the
    // whole set in its sample (the default), or with a sample of 1 (at least a page: 8) or 10 of them, which
    // bound each page by the last of a page of sampled matches in the order.
    const ways = [[undefined, undefined], [3, undefined], [3, 1], [3, 10]] as const;
    for (const direction of ["forwards", "backwards"] as const) {
      for (const [steps, sample] of ways) {
        const pages = await walk({ sort, q: "common", walk: steps, sample }, direction);
        expect(pages.flatMap((p) => p.rows.map((r) => r.id)), `${direction}, walk ${steps}, sample ${sample}`).toEqual(all);
      }
    }
    // A one-letter search matches the start of a word: "t" finds " tie …", not the "t" inside "keyset".
    const starts = await walk({ sort, q: "t" }, "forwards");
    expect(starts.flatMap((p) => p.rows.map((r) => r.id))).toEqual(await expected(sort, { searchText: { contains: " tie" } }));
  });

  it("previous from a page goes back to the page before it", async () => {
    const first = await searchUsers(admin, { pageSize: SIZE });
    const second = await searchUsers(admin, { pageSize: SIZE, after: first.after });
    const third = await searchUsers(admin, { pageSize: SIZE, after: second.after });
    const back = await searchUsers(admin, { pageSize: SIZE, before: third.before });
    expect(back.rows).toEqual(second.rows);
    expect(back.before).toBe(second.before);
    expect(back.after).toBe(second.after);
  });

  it("a cursor that is not one of ours gives the first page, and says so; never an error", async () => {
    const first = await searchUsers(admin, { sort: "created", pageSize: SIZE });
    for (const cursor of ["garbage", "A".repeat(5000), encodeCursor("name", { part: 0, values: ["a", "b", "c"] }), b64([1, "created", 0, "x", "y"])]) {
      for (const query of [{ after: cursor }, { before: cursor }, { before: cursor, last: true }]) {
        const page = await searchUsers(admin, { sort: "created", pageSize: SIZE, ...query });
        expect(page.invalidCursor).toBe(true);
        expect(page.rows).toEqual(first.rows);
        expect(page.atStart).toBe(true);
      }
    }
  });

  it("a stale cursor still finds its place: after a deleted row, past the end, before the start", async () => {
    const victim = await makeUser(t.client, { username: "tie-15a" }); // between tie-15 and tie-16
    const all = await expected("username");
    const at = all.indexOf(victim.id);
    const before = await searchUsers(admin, { sort: "username", pageSize: SIZE, after: encodeCursor("username", { part: 0, values: ["tie-15a"] }) });
    await t.client.user.delete({ where: { id: victim.id } });
    const after = await searchUsers(admin, { sort: "username", pageSize: SIZE, after: encodeCursor("username", { part: 0, values: ["tie-15a"] }) });
    expect(after.rows).toEqual(before.rows);
    expect(after.rows[0]!.id).toBe(all[at + 1]);
    expect(after.atStart).toBe(false);

    const end = await searchUsers(admin, { sort: "username", pageSize: SIZE, after: encodeCursor("username", { part: 0, values: ["zzzz"] }) });
    expect(end.invalidCursor).toBe(false);
    expect(end.rows).toEqual((await searchUsers(admin, { sort: "username", pageSize: SIZE, last: true })).rows);
    expect(end.atEnd).toBe(true);
    const start = await searchUsers(admin, { sort: "username", pageSize: SIZE, before: encodeCursor("username", { part: 0, values: [""] }) });
    expect(start.rows).toEqual((await searchUsers(admin, { sort: "username", pageSize: SIZE })).rows);
    expect(start.atStart).toBe(true);
  });

  it("the last page is the first read backwards; one page has neither cursor", async () => {
    const last = await searchUsers(admin, { sort: "email", pageSize: SIZE, last: true });
    expect(last.atEnd).toBe(true);
    expect(last.after).toBeUndefined();
    expect(last.rows).toHaveLength(SIZE);
    expect(last.rows.every((r) => r.email === null)).toBe(true); // users without email come last
    const only = await searchUsers(admin, { q: "keyset" });
    expect(only.rows.map((r) => r.username)).toEqual(["keyset-admin"]);
    expect([only.atStart, only.atEnd, only.before, only.after]).toEqual([true, true, undefined, undefined]);
  });
});

describe.each(DB_KINDS)("counting on %s", (kind) => {
  let t: TestDb;
  let admin: Caller;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const me = await makeUser(t.client, { role: "ADMIN", username: "counter" });
    admin = caller(me);
    await seedUsers(t.client, COUNT_LIMIT + 200, me.passwordHash, { batchSize: 600 });
  });
  afterAll(() => t.close());

  it("counts exactly up to the limit, says 'more than' beyond it, and 'about' for everyone once PostgreSQL has statistics", async () => {
    const orgAdmins = await searchUsers(admin, { role: "ORG_ADMIN" });
    expect(orgAdmins.total).toEqual({ count: await t.client.user.count({ where: { role: "ORG_ADMIN" } }), kind: "exact" });
    expect(await searchUsers(admin, { q: "seed" }).then((p) => p.total)).toEqual({ count: COUNT_LIMIT, kind: "more" });
    await t.client.$executeRawUnsafe(`ANALYZE "User"`);
    const everyone = await searchUsers(admin, {});
    expect(everyone.total.kind).toBe("about");
    expect(Math.abs(everyone.total.count - (COUNT_LIMIT + 201))).toBeLessThan(100);
  });
});
