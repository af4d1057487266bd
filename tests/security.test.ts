import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as camunda from "@/app/engine-rest/user/[id]/profile/route";
import * as me from "@/app/auth/v1/users/me/profile/route";
import { changeOwnPassword } from "@/lib/auth/account";
import { checkPassword } from "@/lib/auth/credentials";
import { verifyPassword } from "@/lib/auth/password";
import { endAllSessions, endOwnSession, endSession, endUserSessions, listSessions, loadSession, startSession } from "@/lib/auth/session-store";
import { blockedFor, recordFailure } from "@/lib/auth/throttle";
import { callerForToken, createApiToken } from "@/lib/auth/tokens";
import { submitProfileForm } from "@/lib/http/form";
import { withRequestContext } from "@/lib/http/request-context";
import { caller, createTestDb, DB_KINDS, makeUser, outcome, PASSWORD, type TestDb } from "./helpers/db";
import { inEnglish, say } from "./helpers/english";

type User = Awaited<ReturnType<typeof makeUser>>;

let addresses = 0;
/** Runs `fn` as a request from an address of its own, so tests do not share the per-address counts. */
const fromNewAddress = <T,>(fn: () => Promise<T>, address = `198.51.100.${++addresses}`) =>
  withRequestContext({ id: `test-${addresses}`, address, userAgent: "vitest" }, fn);

const basic = (user: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}` });
async function call(handler: (r: Request, c: { params: Promise<never> }) => Promise<Response>, params: object, headers: Record<string, string>) {
  const response = await handler(new Request("http://localhost/test", { headers }), { params: Promise.resolve(params) as Promise<never> });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
}

const asSession = async (user: User) => ({ ...caller(user), username: user.username, displayName: user.displayName, mustChangePassword: false, sessionId: await startSession(user.id) });

describe.each(DB_KINDS)("throttling on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.close());

  const account = (user: User | null) => ({ id: user?.id ?? "", passwordHash: user?.passwordHash ?? "" });

  it("five wrong passwords for one account from one address block the sixth attempt, even with the right password", () =>
    fromNewAddress(async () => {
      const user = await makeUser(t.client);
      for (let i = 0; i < 5; i++) expect(await checkPassword(account(user), user.username, "wrong-password", "sign-in")).toBe(false);
      const blocked = await checkPassword(account(user), user.username, PASSWORD, "sign-in").catch((e) => e);
      expect(blocked).toMatchObject({ code: "RATE_LIMITED", retryAfter: expect.any(Number) });
      expect(blocked.retryAfter).toBeGreaterThan(50);
      expect(blocked.retryAfter).toBeLessThanOrEqual(60);
      expect(say(blocked.message)).toBe("Too many failed attempts. Try again in 1 minute.");
      const events = await t.client.securityEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
      expect(events.map((e) => e.type)).toEqual([...Array(5).fill("SIGN_IN_FAILED"), "LOCKED_OUT"]);
    }));

  it("twenty guesses at once: five are checked, the rest are refused without hashing", () =>
    fromNewAddress(async () => {
      const user = await makeUser(t.client);
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => outcome(checkPassword(account(user), user.username, "wrong-password", "sign-in"))));
      expect(outcomes.filter((o) => o === "OK")).toHaveLength(5); // answered "wrong password" after a check
      expect(outcomes.filter((o) => o === "RATE_LIMITED")).toHaveLength(15);
      expect(await t.client.securityEvent.count({ where: { userId: user.id, type: "SIGN_IN_FAILED" } })).toBe(5);
    }));

  it("the same account from another address is not blocked by the first address's failures", async () => {
    const user = await makeUser(t.client);
    await fromNewAddress(async () => {
      for (let i = 0; i < 5; i++) await checkPassword(account(user), user.username, "wrong-password", "sign-in");
    });
    expect(await fromNewAddress(() => checkPassword(account(user), user.username, PASSWORD, "sign-in"))).toBe(true);
  });

  it("a correct password clears the account's count", () =>
    fromNewAddress(async () => {
      const user = await makeUser(t.client);
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 4; i++) await checkPassword(account(user), user.username, "wrong-password", "sign-in");
        expect(await checkPassword(account(user), user.username, PASSWORD, "sign-in")).toBe(true);
      }
    }));

  it("unknown names are counted by the name typed, and answer like a wrong password", () =>
    fromNewAddress(async () => {
      for (let i = 0; i < 5; i++) expect(await checkPassword(null, "Ghost", "x", "sign-in")).toBe(false);
      expect(await outcome(checkPassword(null, "ghost", "x", "sign-in"))).toBe("RATE_LIMITED");
    }));

  it("twenty failures for one account from many addresses block it everywhere", async () => {
    const user = await makeUser(t.client);
    for (let i = 0; i < 20; i++) await fromNewAddress(() => recordFailure({ kind: "password", account: user.id, address: `10.0.0.${i}` }));
    expect(await blockedFor({ kind: "password", account: user.id, address: "10.9.9.9" })).toBeGreaterThan(0);
  });

  it("a hundred failures from one address for different accounts block that address for everyone", async () => {
    const address = "203.0.113.7";
    for (let i = 0; i < 100; i++) await recordFailure({ kind: "password", account: `name:spray-${i}`, address });
    expect(await blockedFor({ kind: "password", account: "name:someone-else", address })).toBeGreaterThan(0);
    expect(await blockedFor({ kind: "password", account: "name:someone-else", address: "203.0.113.8" })).toBe(0);
  });

  it("each block within a day lasts twice as long as the one before", async () => {
    const attempt = { kind: "token" as const, address: "192.0.2.44" };
    let first = 0;
    for (let i = 0; i < 20; i++) first = await recordFailure(attempt);
    expect(first).toBe(60);
    await t.client.rateLimit.updateMany({ where: { key: { contains: "token-address:192.0.2.44" } }, data: { expire: new Date(Date.now() - 1000) } });
    let second = 0;
    for (let i = 0; i < 20; i++) second = await recordFailure(attempt);
    expect(second).toBe(120);
  });

  it("Camunda Basic auth: the sixth wrong password is 429 with Retry-After in Camunda's format", () =>
    fromNewAddress(async () => {
      const user = await makeUser(t.client);
      for (let i = 0; i < 5; i++) expect((await call(camunda.GET, { id: user.username }, basic(user.username, "wrong"))).status).toBe(401);
      const limited = await call(camunda.GET, { id: user.username }, basic(user.username, PASSWORD));
      expect(limited).toMatchObject({ status: 429, body: { type: "AuthenticationException", message: "Too many failed attempts. Try again in 1 minute." } });
      expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    }));

  it("ZITADEL: twenty wrong tokens from one address are 429 (RESOURCE_EXHAUSTED) from then on", () =>
    fromNewAddress(async () => {
      const statuses = [];
      for (let i = 0; i < 21; i++) statuses.push((await call(me.GET, {}, { authorization: `Bearer pst_guess${i}` })).status);
      expect(statuses.slice(0, 19)).toEqual(Array(19).fill(401));
      expect(statuses.slice(19)).toEqual([429, 429]);
      const limited = await call(me.GET, {}, { authorization: "Bearer pst_one-more" });
      expect(limited).toMatchObject({ status: 429, body: { code: 8, message: expect.stringContaining("Try again in") } });
    }));

  it("the profile form's current-password check is throttled too, and says when to try again", () =>
    fromNewAddress(async () => {
      const user = await makeUser(t.client);
      const session = await asSession(user);
      const form = { firstName: "Test", lastName: user.lastName, displayName: user.displayName, gender: "GENDER_UNSPECIFIED", email: "new@example.com" };
      for (let i = 0; i < 5; i++) {
        const { errors } = await submitProfileForm(session, user.id, { ...form, currentPassword: "wrong" }, "UI");
        expect(say(errors!.currentPassword!)).toBe("The current password is not correct");
      }
      const limited = await submitProfileForm(session, user.id, { ...form, currentPassword: PASSWORD }, "UI");
      expect(limited).toMatchObject({ status: "error", values: { email: "new@example.com" } });
      expect(say(limited.message!)).toBe("Too many failed attempts. Try again in 1 minute.");
      expect((await t.client.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    }));
});

describe.each(DB_KINDS)("sessions and passwords on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.close());

  it("a session is live until it is signed out; then the same id is refused", async () => {
    const user = await makeUser(t.client);
    const id = await startSession(user.id);
    expect(await loadSession(id)).toMatchObject({ id: user.id, sessionId: id, mustChangePassword: false });
    await endOwnSession(id);
    expect(await loadSession(id)).toBeNull();
    expect(await t.client.session.findUniqueOrThrow({ where: { id } })).toMatchObject({ endReason: "signed out", endedAt: expect.any(Date) });
  });

  it("a session idle too long, or older than the absolute lifetime, is over", async () => {
    const user = await makeUser(t.client);
    const idle = await startSession(user.id);
    const old = await startSession(user.id);
    await t.client.session.update({ where: { id: idle }, data: { lastSeenAt: new Date(Date.now() - 121 * 60_000) } });
    await t.client.session.update({ where: { id: old }, data: { createdAt: new Date(Date.now() - 13 * 3_600_000) } });
    expect(await loadSession(idle)).toBeNull();
    expect(await loadSession(old)).toBeNull();
    const reasons = await t.client.session.findMany({ where: { id: { in: [idle, old] } }, select: { id: true, endReason: true } });
    expect(Object.fromEntries(reasons.map((r) => [r.id, r.endReason]))).toEqual({ [idle]: "idle", [old]: "expired" });
  });

  it("'sign out everywhere else' keeps the current session; an admin can end all of a user's; nobody ends another org's", async () => {
    const user = await makeUser(t.client, { org: "Acme" });
    const me = await asSession(user);
    const other = await startSession(user.id);
    expect(await endAllSessions(me, user.id)).toBe(1);
    expect(await loadSession(me.sessionId)).not.toBeNull();
    expect(await loadSession(other)).toBeNull();

    const admin = await asSession(await makeUser(t.client, { role: "ORG_ADMIN", org: "Acme" }));
    expect((await listSessions(admin, user.id)).map((s) => s.id)).toEqual([me.sessionId]);
    await endSession(admin, me.sessionId);
    expect(await loadSession(me.sessionId)).toBeNull();
    expect(await t.client.securityEvent.findFirst({ where: { userId: user.id, type: "SESSION_ENDED", actorId: admin.id } })).not.toBeNull();

    const stranger = await asSession(await makeUser(t.client, { role: "ORG_ADMIN", org: "Globex" }));
    const target = await startSession(user.id);
    expect(await outcome(endSession(stranger, target))).toBe("NOT_FOUND");
    expect(await outcome(endAllSessions(stranger, user.id))).toBe("NOT_FOUND");
    expect(await loadSession(target)).not.toBeNull();
  });

  it("changing one's password: the current one first, a strong new one, other sessions end, the old password fails", () =>
    fromNewAddress(async () => {
      const user = await makeUser(t.client);
      const me = await asSession(user);
      const other = await startSession(user.id);
      const change = (input: object) => changeOwnPassword(me, { currentPassword: PASSWORD, newPassword: "", confirmPassword: "", ...input });
      const refused = async (input: object) => inEnglish(await change(input).catch((e) => e)).issues;
      expect(await refused({ currentPassword: "wrong", newPassword: "quartz-lantern-meadow-7", confirmPassword: "quartz-lantern-meadow-7" })).toEqual([
        { field: "currentPassword", message: "The current password is not correct" },
      ]);
      expect(await refused({ newPassword: "short", confirmPassword: "short" })).toEqual([{ field: "newPassword", message: "At least 12 characters" }]);
      expect(await refused({ newPassword: "quartz-lantern-meadow-7", confirmPassword: "quartz-lantern-meadow-8" })).toEqual([
        { field: "confirmPassword", message: "The two new passwords are not the same" },
      ]);
      expect(await refused({ newPassword: "password123456", confirmPassword: "password123456" })).toEqual([
        { field: "newPassword", message: expect.stringContaining("commonly used password") },
      ]);
      expect(await refused({ newPassword: PASSWORD, confirmPassword: PASSWORD })).toEqual([
        { field: "newPassword", message: "Choose a password different from the current one" },
      ]);
      expect(await loadSession(other)).not.toBeNull(); // nothing changed yet

      await change({ newPassword: "quartz-lantern-meadow-7", confirmPassword: "quartz-lantern-meadow-7" });
      const stored = await t.client.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(await verifyPassword(stored.passwordHash, PASSWORD)).toBe(false);
      expect(await verifyPassword(stored.passwordHash, "quartz-lantern-meadow-7")).toBe(true);
      expect(await loadSession(other)).toBeNull();
      expect(await loadSession(me.sessionId)).not.toBeNull();
      expect(await t.client.securityEvent.findFirst({ where: { userId: user.id, type: "PASSWORD_CHANGED" } })).toMatchObject({ detail: { otherSessionsEnded: 1 } });
    }));

  it("ending sessions inside a change leaves the excepted one", async () => {
    const user = await makeUser(t.client);
    const [a, b] = [await startSession(user.id), await startSession(user.id)];
    expect(await endUserSessions(user.id, "role changed", { except: a })).toBe(1);
    expect([await loadSession(a), await loadSession(b)].map(Boolean)).toEqual([true, false]);
  });

  it("a token past its expiry is refused and the refusal is recorded", async () => {
    const user = await makeUser(t.client);
    const { token, view } = await createApiToken(caller(user), { name: "short-lived", expiresInDays: "7" });
    expect(view.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
    expect(await callerForToken(token)).toMatchObject({ id: user.id });
    await t.client.apiToken.update({ where: { id: view.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await callerForToken(token)).toBeNull();
    expect(await t.client.securityEvent.findFirst({ where: { userId: user.id, type: "TOKEN_REFUSED" } })).toMatchObject({
      detail: { token: "short-lived", reason: "expired" },
    });
  });
});
