import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { changeRole, createUser, PAGE_SIZE, resetPassword, searchUsers } from "@/lib/profile/admin";
import { getProfile, listProfileEvents, updateProfile } from "@/lib/profile/service";
import { seedUsers } from "@/lib/db/seed-users";
import { setDb } from "@/lib/db/client";
import type { Caller, Role } from "@/lib/profile/types";
import { createApiToken } from "@/lib/auth/tokens";
import { startSession } from "@/lib/auth/session-store";
import { caller, createTestDb, DB_KINDS, makeUser, PASSWORD, type TestDb, outcome } from "./helpers/db";
import { inEnglish } from "./helpers/english";

type Target = "own" | "same org" | "other org" | "unknown";
type Row = [Role, Target, view: string, edit: string, changeRole: string];

// Who may do what. Another organisation's users are NOT_FOUND to an ORG_ADMIN (existence is not
// leaked); a USER is FORBIDDEN from every admin action whatever the target.
const MATRIX: Row[] = [
  ["USER", "own", "OK", "OK", "FORBIDDEN"],
  ["USER", "same org", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
  ["USER", "other org", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN"],
  ["USER", "unknown", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN"],
  ["ORG_ADMIN", "own", "OK", "OK", "OK"],
  ["ORG_ADMIN", "same org", "OK", "OK", "OK"],
  ["ORG_ADMIN", "other org", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"],
  ["ORG_ADMIN", "unknown", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"],
  ["ADMIN", "own", "OK", "OK", "OK"],
  ["ADMIN", "same org", "OK", "OK", "OK"],
  ["ADMIN", "other org", "OK", "OK", "OK"],
  ["ADMIN", "unknown", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"],
];

describe.each(DB_KINDS)("admin on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await makeUser(t.client, { role: "ADMIN", org: "Acme", username: "standby-admin" }); // so no test demotes the last admin
  });
  afterAll(() => t.close());

  it.each(MATRIX)("%s on %s: view %s, edit %s, change role %s", async (role, target, view, edit, grant) => {
    const me = await makeUser(t.client, { role, org: "Acme" });
    const subject =
      target === "own" ? me
      : target === "same org" ? await makeUser(t.client, { org: "Acme" })
      : target === "other org" ? await makeUser(t.client, { org: "Globex" })
      : null;
    const id = subject?.id ?? "00000000-0000-4000-8000-000000000000";
    expect(await outcome(getProfile(caller(me), id))).toBe(view);
    expect(await outcome(updateProfile(caller(me), id, { nickName: "Changed" }, { via: "ADMIN" }))).toBe(edit);
    expect(await outcome(changeRole(caller(me), id, "ORG_ADMIN"))).toBe(grant);
    if (!subject) return;
    const after = await t.client.user.findUniqueOrThrow({ where: { id: subject.id } });
    expect(after.nickName).toBe(edit === "OK" ? "Changed" : null);
    expect(after.role).toBe(grant === "OK" ? "ORG_ADMIN" : subject.role);
    const events = await t.client.profileEvent.count({ where: { userId: subject.id } });
    expect(events).toBe(after.sequence);
    expect(after.sequence).toBe((edit === "OK" ? 1 : 0) + (grant === "OK" && subject.role !== "ORG_ADMIN" ? 1 : 0));
  });

  it("nobody grants a role above their own, nor manages someone above it", async () => {
    const orgAdmin = await makeUser(t.client, { role: "ORG_ADMIN" });
    const user = await makeUser(t.client);
    const admin = await makeUser(t.client, { role: "ADMIN" });
    expect(await outcome(changeRole(caller(orgAdmin), user.id, "ADMIN"))).toBe("FORBIDDEN");
    expect(await outcome(changeRole(caller(orgAdmin), orgAdmin.id, "ADMIN"))).toBe("FORBIDDEN");
    expect(await outcome(updateProfile(caller(orgAdmin), admin.id, { nickName: "x" }, { via: "ADMIN" }))).toBe("FORBIDDEN");
    expect(await outcome(resetPassword(caller(orgAdmin), admin.id, {}))).toBe("FORBIDDEN");
    expect(await outcome(createUser(caller(orgAdmin), { username: "wannabe", email: "w@example.com", firstName: "W", lastName: "B", displayName: "W B", role: "ADMIN" }))).toBe("FORBIDDEN");
    expect((await t.client.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("USER");
    expect(await t.client.user.findUnique({ where: { username: "wannabe" } })).toBeNull();
  });

  it("the last administrator cannot be demoted, even by two admins at once", async () => {
    const fresh = await createTestDb(kind);
    try {
      const a = await makeUser(fresh.client, { role: "ADMIN" });
      const b = await makeUser(fresh.client, { role: "ADMIN" });
      const results = await Promise.all([outcome(changeRole(caller(a), b.id, "USER")), outcome(changeRole(caller(b), a.id, "USER"))]);
      expect(results.sort()).toEqual(["INVALID", "OK"]);
      expect(await fresh.client.user.count({ where: { role: "ADMIN" } })).toBe(1);
      const last = await fresh.client.user.findFirstOrThrow({ where: { role: "ADMIN" } });
      expect(await outcome(changeRole(caller(last), last.id, "ORG_ADMIN"))).toBe("INVALID");
      expect(await fresh.client.user.count({ where: { role: "ADMIN" } })).toBe(1);
    } finally {
      await fresh.close();
      setDb(t.client);
    }
  });

  it("creates a user with a generated password, recorded in the history", async () => {
    const admin = await makeUser(t.client, { role: "ADMIN" });
    const globex = await t.client.organization.upsert({ where: { name: "Globex" }, update: {}, create: { name: "Globex" } });
    const { user, generatedPassword } = await createUser(caller(admin), {
      username: " New.Person ", email: "New.Person@Example.com", firstName: "Zoe\u0308", lastName: "O'Brien", displayName: "Zoë O'Brien",
      preferredLanguage: "pt-br", orgId: globex.id,
    });
    expect(user).toMatchObject({ username: "new.person", email: "new.person@example.com", firstName: "Zoë", preferredLanguage: "pt-BR", orgId: globex.id, role: "USER", sequence: 1 });
    expect(generatedPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const stored = await t.client.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash, generatedPassword!)).toBe(true);
    const [event] = await listProfileEvents(caller(admin), user.id);
    expect(event).toMatchObject({ sequence: 1, via: "ADMIN", actor: { id: admin.id }, changes: { username: { from: null, to: "new.person" } } });
  });

  it("duplicate username or email get a field message, and nothing is created", async () => {
    const admin = await makeUser(t.client, { role: "ADMIN" });
    const existing = await makeUser(t.client);
    const base = { firstName: "A", lastName: "B", displayName: "A B", password: "long-enough-password" };
    const dupName = await createUser(caller(admin), { ...base, username: existing.username.toUpperCase(), email: "other@example.com" }).catch((e) => e);
    expect(inEnglish(dupName)).toMatchObject({ code: "CONFLICT", issues: [{ field: "username", message: "This username is taken" }] });
    const dupEmail = await createUser(caller(admin), { ...base, username: "unique-name", email: existing.email!.toUpperCase() }).catch((e) => e);
    expect(inEnglish(dupEmail)).toMatchObject({ code: "CONFLICT", issues: [{ field: "email", message: "This email address is already used by another account" }] });
    const invalid = await createUser(caller(admin), { ...base, username: "x", email: "nope", password: "short" }).catch((e) => e);
    expect(inEnglish(invalid).issues).toEqual([
      { field: "username", message: "At least 3 characters" },
      { field: "email", message: "Enter a valid email address, such as name@example.com" },
      { field: "password", message: "At least 12 characters" },
    ]);
    expect(await t.client.user.count({ where: { OR: [{ email: "other@example.com" }, { username: { in: ["unique-name", "x"] } }] } })).toBe(0);
  });

  it("an ORG_ADMIN creates users in their own organisation only", async () => {
    const orgAdmin = await makeUser(t.client, { role: "ORG_ADMIN", org: "Acme" });
    const globex = await t.client.organization.findUniqueOrThrow({ where: { name: "Globex" } });
    const { user } = await createUser(caller(orgAdmin), { username: "acme-only", email: "acme-only@example.com", firstName: "A", lastName: "B", displayName: "A B", orgId: globex.id });
    expect(user.orgId).toBe(orgAdmin.orgId);
  });

  it("a password reset: the user must choose their own next, their sessions end, their tokens are revoked unless kept", async () => {
    const admin = await makeUser(t.client, { role: "ADMIN" });
    const user = await makeUser(t.client);
    const kept = await makeUser(t.client);
    for (const u of [user, kept]) {
      await startSession(u.id);
      await createApiToken(caller(u), { name: "script" });
    }
    const { generatedPassword, revokedTokens } = await resetPassword(caller(admin), user.id, { password: "", revokeTokens: "on" });
    const stored = await t.client.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, generatedPassword!)).toBe(true);
    expect(stored.mustChangePassword).toBe(true);
    expect(revokedTokens).toBe(1);
    expect(await t.client.apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect(await t.client.session.count({ where: { userId: user.id, endedAt: null } })).toBe(0);
    const [event] = await t.client.securityEvent.findMany({ where: { userId: user.id, type: "PASSWORD_RESET" } });
    expect(event).toMatchObject({ actorId: admin.id, detail: { tokensRevoked: 1, sessionsEnded: 1 } });
    expect(JSON.stringify(event)).not.toContain(generatedPassword);

    await resetPassword(caller(admin), kept.id, { password: "" }); // the box unticked: tokens stay
    expect(await t.client.apiToken.count({ where: { userId: kept.id, revokedAt: null } })).toBe(1);
  });

  it("a typed password must be strong; an admin resetting their own gives the current one", async () => {
    const admin = await makeUser(t.client, { role: "ADMIN" });
    const user = await makeUser(t.client);
    const weak = await resetPassword(caller(admin), user.id, { password: "password1234" }).catch((e) => e);
    expect(inEnglish(weak)).toMatchObject({ code: "INVALID", issues: [{ field: "password", message: expect.stringContaining("commonly used password") }] });
    const named = await resetPassword(caller(admin), user.id, { password: `x${user.username}x-plus-words` }).catch((e) => e);
    expect(inEnglish(named)).toMatchObject({ code: "INVALID", issues: [{ field: "password", message: "Must not contain your username or email address" }] });
    expect((await t.client.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);

    expect(await outcome(resetPassword(caller(admin), admin.id, { password: "violet-kestrel-umbrella-42" }))).toBe("INVALID");
    expect(await outcome(resetPassword(caller(admin), admin.id, { password: "violet-kestrel-umbrella-42", currentPassword: "wrong" }))).toBe("INVALID");
    expect(await outcome(resetPassword(caller(admin), admin.id, { password: "violet-kestrel-umbrella-42", currentPassword: PASSWORD }))).toBe("OK");
    const self = await t.client.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(await verifyPassword(self.passwordHash, "violet-kestrel-umbrella-42")).toBe(true);
    expect(self.mustChangePassword).toBe(false); // they chose it themselves
  });

  it("a role change ends the user's sessions and is recorded as a security event", async () => {
    const admin = await makeUser(t.client, { role: "ADMIN" });
    const user = await makeUser(t.client);
    await startSession(user.id);
    await changeRole(caller(admin), user.id, "ORG_ADMIN");
    expect(await t.client.session.count({ where: { userId: user.id, endedAt: null } })).toBe(0);
    expect(await t.client.securityEvent.findFirst({ where: { userId: user.id, type: "ROLE_CHANGED" } })).toMatchObject({
      actorId: admin.id,
      detail: { from: "USER", to: "ORG_ADMIN" },
    });
  });

  it("users an administrator creates must choose their own password at first sign-in", async () => {
    const admin = await makeUser(t.client, { role: "ADMIN" });
    const { user } = await createUser(caller(admin), { username: "first-timer", email: "first-timer@example.com", firstName: "F", lastName: "T", displayName: "F T" });
    expect((await t.client.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(true);
  });
});

describe.each(DB_KINDS)("search and paging on %s", (kind) => {
  let t: TestDb;
  let admin: Caller;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const hash = (await makeUser(t.client, { role: "ADMIN", username: "searcher" })).passwordHash;
    admin = caller(await t.client.user.findUniqueOrThrow({ where: { username: "searcher" } }));
    await seedUsers(t.client, 300, hash);
    // Through the service, which keeps the search text current.
    const upper = await makeUser(t.client, { username: "upper-case" });
    await updateProfile(admin, upper.id, { displayName: "ZOË UPPER" }, { via: "ADMIN" });
  });
  afterAll(() => t.close());

  it.each(["name", "displayName", "username", "email", "created"] as const)("pages through everyone sorted by %s with cursors: no duplicates, no gaps", async (sort) => {
    const total = await t.client.user.count();
    const seen: string[] = [];
    let page = await searchUsers(admin, { sort });
    expect(page.total).toEqual({ count: total, kind: "exact" });
    expect(page.atStart).toBe(true);
    for (;;) {
      seen.push(...page.rows.map((r) => r.id));
      if (page.atEnd) break;
      expect(page.rows).toHaveLength(PAGE_SIZE);
      page = await searchUsers(admin, { sort, after: page.after });
      expect(page.atStart).toBe(false);
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it("matches case- and accent-insensitively, on parts of words", async () => {
    const zoes = await t.client.user.count({ where: { OR: [{ firstName: "Zoë" }, { displayName: { contains: "ZOË" } }] } });
    expect(zoes).toBeGreaterThan(1);
    const expected = await t.client.user.count({ where: { searchText: { contains: "zoe" } } });
    expect(expected).toBeGreaterThanOrEqual(zoes);
    for (const q of ["zoe", "ZOË", "Zoe\u0308", " zOë  "]) {
      const result = await searchUsers(admin, { q });
      expect(result.total).toEqual({ count: expected, kind: "exact" });
    }
    const upper = await searchUsers(admin, { q: "zoë upp" });
    expect(upper.rows.map((r) => r.displayName)).toEqual(["ZOË UPPER"]);
    const muller = await searchUsers(admin, { q: "MULL" });
    expect(muller.total.count).toBe(await t.client.user.count({ where: { lastName: "Müller" } }));
    expect(muller.rows.length).toBeGreaterThan(0);
    expect(muller.rows.every((r) => r.lastName === "Müller")).toBe(true);
    const both = await searchUsers(admin, { q: "zoe mull" });
    expect(both.total.count).toBe(await t.client.user.count({ where: { firstName: "Zoë", lastName: "Müller" } }));
    expect(both.rows.every((r) => r.firstName === "Zoë" && r.lastName === "Müller")).toBe(true);
  });

  it("treats LIKE wildcards literally and finds nothing for nonsense", async () => {
    for (const q of ["%", "_", "qqqxxx", "%%%", "\\"]) expect((await searchUsers(admin, { q })).total.count, q).toBe(0);
  });

  it("holds an ORG_ADMIN to their organisation, whatever they ask for", async () => {
    const acme = await t.client.organization.findUniqueOrThrow({ where: { name: "Acme" } });
    const globex = await t.client.organization.findUniqueOrThrow({ where: { name: "Globex" } });
    const orgAdmin = caller(await makeUser(t.client, { role: "ORG_ADMIN", org: "Acme" }));
    const result = await searchUsers(orgAdmin, { orgId: globex.id });
    expect(result.total.count).toBe(await t.client.user.count({ where: { orgId: acme.id } }));
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.every((r) => r.org.id === acme.id)).toBe(true);
    const user = caller(await makeUser(t.client));
    expect(await outcome(searchUsers(user, {}))).toBe("FORBIDDEN");
  });

  it("filters by role", async () => {
    const orgAdmins = await searchUsers(admin, { role: "ORG_ADMIN" });
    expect(orgAdmins.total.count).toBe(await t.client.user.count({ where: { role: "ORG_ADMIN" } }));
    expect(orgAdmins.total.count).toBeGreaterThan(0);
    expect(orgAdmins.rows.every((r) => r.role === "ORG_ADMIN")).toBe(true);
  });
});
