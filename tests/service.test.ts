import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reloadEnv } from "@/lib/env";
import { ProfileError } from "@/lib/profile/errors";
import { getProfile, listProfileEvents, updateProfile } from "@/lib/profile/service";
import { caller, createTestDb, DB_KINDS, makeUser, PASSWORD, type TestDb, outcome } from "./helpers/db";
import { inEnglish } from "./helpers/english";

const change = { firstName: "Changed", lastName: "Name", displayName: "Changed Name" };

describe.each(DB_KINDS)("profile service on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    delete process.env.IDENTITY_READ_ONLY;
    reloadEnv();
  });

  // Who may read and change whose profile: USER only self; ORG_ADMIN own org; ADMIN all.
  // Another organisation's user is NOT_FOUND (never FORBIDDEN), so existence is not leaked.
  it.each([
    ["USER", "self", "OK"],
    ["USER", "same org", "FORBIDDEN"],
    ["USER", "other org", "NOT_FOUND"],
    ["ORG_ADMIN", "self", "OK"],
    ["ORG_ADMIN", "same org", "OK"],
    ["ORG_ADMIN", "other org", "NOT_FOUND"],
    ["ADMIN", "self", "OK"],
    ["ADMIN", "same org", "OK"],
    ["ADMIN", "other org", "OK"],
    ["ADMIN", "unknown", "NOT_FOUND"],
  ] as const)("%s → %s: %s", async (role, target, expected) => {
    const me = await makeUser(t.client, { role, org: "Acme" });
    const other =
      target === "self" ? me
      : target === "same org" ? await makeUser(t.client, { org: "Acme" })
      : target === "other org" ? await makeUser(t.client, { org: "Globex" })
      : { id: "00000000-0000-0000-0000-000000000000", sequence: 0 };
    expect(await outcome(getProfile(caller(me), other.id))).toBe(expected);
    expect(await outcome(updateProfile(caller(me), other.id, change, { via: "UI" }))).toBe(expected);
    const after = await t.client.user.findUnique({ where: { id: other.id } });
    if (expected === "OK") {
      expect(after).toMatchObject({ ...change, sequence: 1 });
    } else if (after) {
      expect(after).toMatchObject({ firstName: "Test", sequence: other.sequence });
      expect(await t.client.profileEvent.count({ where: { userId: other.id } })).toBe(0);
    }
  });

  it("records the changed fields, the actor and the surface in one event", async () => {
    const admin = await makeUser(t.client, { role: "ADMIN" });
    const user = await makeUser(t.client);
    const { profile, changed } = await updateProfile(caller(admin), user.id, { ...change, preferredLanguage: "de-ch" }, { via: "ADMIN" });
    expect(changed).toBe(true);
    expect(profile).toMatchObject({ sequence: 1, preferredLanguage: "de-CH" });
    const events = await t.client.profileEvent.findMany({ where: { userId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      sequence: 1, actorId: admin.id, via: "ADMIN",
      changes: {
        firstName: { from: "Test", to: "Changed" },
        lastName: { from: user.lastName, to: "Name" },
        displayName: { from: user.displayName, to: "Changed Name" },
        preferredLanguage: { from: null, to: "de-CH" },
      },
    });
    const history = await listProfileEvents(caller(user), user.id);
    expect(history[0]).toMatchObject({ sequence: 1, via: "ADMIN", actor: { id: admin.id } });
  });

  it("a no-op update succeeds without a new version or event", async () => {
    const user = await makeUser(t.client);
    const same = { firstName: user.firstName, lastName: ` ${user.lastName} `, displayName: user.displayName };
    const result = await updateProfile(caller(user), user.id, same, { via: "UI", ifSequence: 0 });
    expect(result).toMatchObject({ changed: false, profile: { sequence: 0 } });
    expect(await t.client.profileEvent.count({ where: { userId: user.id } })).toBe(0);
  });

  it("read-only mode refuses every write and changes nothing", async () => {
    const admin = await makeUser(t.client, { role: "ADMIN" });
    process.env.IDENTITY_READ_ONLY = "true";
    reloadEnv();
    expect(await outcome(updateProfile(caller(admin), admin.id, change, { via: "UI" }))).toBe("READ_ONLY");
    expect(await t.client.user.findUnique({ where: { id: admin.id } })).toMatchObject({ firstName: "Test", sequence: 0 });
    expect(await outcome(getProfile(caller(admin), admin.id))).toBe("OK");
  });

  it("invalid input is INVALID with field messages, nothing written", async () => {
    const user = await makeUser(t.client);
    const error = await updateProfile(caller(user), user.id, { firstName: " ", preferredLanguage: "english" }, { via: "UI" }).catch((e) => e);
    expect(error).toBeInstanceOf(ProfileError);
    expect(error.code).toBe("INVALID");
    expect(inEnglish(error).issues).toEqual([
      { field: "firstName", message: "First name is required" },
      { field: "preferredLanguage", message: "Use a language tag such as en, de-CH or zh-Hant" },
    ]);
    expect(await t.client.user.findUnique({ where: { id: user.id } })).toMatchObject({ sequence: 0, firstName: "Test" });
  });

  it("a stale version is PRECONDITION_FAILED with the current profile", async () => {
    const user = await makeUser(t.client);
    await updateProfile(caller(user), user.id, change, { via: "UI", ifSequence: 0 });
    const error = await updateProfile(caller(user), user.id, { firstName: "Stale" }, { via: "UI", ifSequence: 0 }).catch((e) => e);
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.current).toMatchObject({ firstName: "Changed", sequence: 1 });
    expect(await t.client.user.findUnique({ where: { id: user.id } })).toMatchObject({ firstName: "Changed", sequence: 1 });
  });

  it("two concurrent updates from one version: exactly one wins, events stay gap-free", async () => {
    const user = await makeUser(t.client, { role: "ADMIN" });
    const results = await Promise.allSettled(
      ["One", "Two", "Three", "Four"].map((firstName) => updateProfile(caller(user), user.id, { firstName }, { via: "UI", ifSequence: 0 })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as ProfileError).code)).toEqual(["PRECONDITION_FAILED", "PRECONDITION_FAILED", "PRECONDITION_FAILED"]);
    const events = await t.client.profileEvent.findMany({ where: { userId: user.id } });
    expect(events.map((e) => e.sequence)).toEqual([1]);
  });

  it("without a version, concurrent writers all land in order (last writer wins, gap-free)", async () => {
    const user = await makeUser(t.client);
    const names = ["A", "B", "C", "D", "E"];
    await Promise.all(names.map((firstName) => updateProfile(caller(user), user.id, { firstName }, { via: "UI" })));
    const events = await t.client.profileEvent.findMany({ where: { userId: user.id }, orderBy: { sequence: "asc" } });
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5]);
    const stored = await t.client.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.sequence).toBe(5);
    expect(stored.firstName).toBe((events.at(-1)!.changes as { firstName: { to: string } }).firstName.to);
  });

  it("an email taken by another user, in any case, is a CONFLICT on the email field", async () => {
    const taken = await makeUser(t.client, { email: "taken@example.com" });
    const admin = await makeUser(t.client, { role: "ADMIN" });
    const user = await makeUser(t.client);
    const error = await updateProfile(caller(admin), user.id, { email: "TAKEN@Example.com" }, { via: "ADMIN" }).catch((e) => e);
    expect(error.code).toBe("CONFLICT");
    expect(inEnglish(error).issues).toEqual([{ field: "email", message: "This email address is already used by another account" }]);
    expect((await t.client.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(taken.email).toBe("taken@example.com");
  });

  it("changing one's own email in the browser needs the current password", async () => {
    const user = await makeUser(t.client);
    const to = { email: `new-${user.username}@example.com` };
    expect(await outcome(updateProfile(caller(user), user.id, to, { via: "UI" }))).toBe("INVALID");
    expect(await outcome(updateProfile(caller(user), user.id, to, { via: "UI", currentPassword: "wrong" }))).toBe("INVALID");
    expect((await t.client.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await t.client.emailToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await outcome(updateProfile(caller(user), user.id, to, { via: "UI", currentPassword: PASSWORD }))).toBe("OK");
    // Asked for, not in force: the address waits for its link (tests/email.test.ts).
    expect((await t.client.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await t.client.emailToken.findMany({ where: { userId: user.id }, select: { email: true } })).toEqual([to]);
  });

  it("an unknown user is NOT_FOUND", async () => {
    const admin = await makeUser(t.client, { role: "ADMIN" });
    expect(await outcome(updateProfile(caller(admin), "no-such-user", change, { via: "ADMIN" }))).toBe("NOT_FOUND");
  });
});
