import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as camunda from "@/app/engine-rest/user/[id]/profile/route";
import * as me from "@/app/auth/v1/users/me/profile/route";
import * as meEmail from "@/app/auth/v1/users/me/email/route";
import * as managementEmail from "@/app/management/v1/users/[userId]/email/route";
import { changeOwnPassword } from "@/lib/auth/account";
import { listSessions, startSession } from "@/lib/auth/session-store";
import { callerForToken, createApiToken } from "@/lib/auth/tokens";
import { reloadEnv } from "@/lib/env";
import { deliverDue, MAX_ATTEMPTS, smtpSender } from "@/lib/mail/outbox";
import { changeRole, createUser, resetPassword } from "@/lib/profile/admin";
import { cancelEmailChange, confirmEmail, emailStatus, inspectLink, LINK_MESSAGES, reportEmailChange, resendEmailLink } from "@/lib/profile/email";
import { getProfile, listProfileEvents, updateProfile } from "@/lib/profile/service";
import { caller, createTestDb, DB_KINDS, makeUser, outcome, PASSWORD, type TestDb } from "./helpers/db";
import { startSmtpReceiver } from "./helpers/smtp";

type User = Awaited<ReturnType<typeof makeUser>>;

const basic = (user: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}` });
async function call(handler: (r: Request, c: { params: Promise<never> }) => Promise<Response>, params: object, init: RequestInit) {
  const response = await handler(new Request("http://localhost/test", init), { params: Promise.resolve(params) as Promise<never> });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

describe.each(DB_KINDS)("email on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.close());

  const stored = (user: User) => t.client.user.findUniqueOrThrow({ where: { id: user.id } });
  /** The messages queued for an address, oldest first. */
  const mailTo = (email: string) => t.client.mail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
  /** The token of the newest link of `kind` in the mail to `email`. */
  async function linkIn(email: string, path: "verify" | "report") {
    const pattern = new RegExp(`/email/${path}\\?token=([\\w-]+)`);
    const token = (await mailTo(email)).map((m) => pattern.exec(m.text)?.[1]).filter(Boolean).at(-1);
    if (!token) throw new Error(`no ${path} link was sent to ${email}`);
    return token;
  }
  const statusOf = async (user: User) => emailStatus(await getProfile(caller(user), user.id));
  const requestOwn = (user: User, email: string) => updateProfile(caller(user), user.id, { email }, { via: "UI", currentPassword: PASSWORD });

  it("one's own new email is pending until its link is opened; GETs answer the old one meanwhile", async () => {
    const user = await makeUser(t.client);
    const to = `moved-${user.username}@example.org`;
    const result = await requestOwn(user, to);
    expect(result).toMatchObject({ changed: true, pendingEmail: to, profile: { email: user.email } });
    expect(await stored(user)).toMatchObject({ email: user.email, emailVerified: true, sequence: 1 });
    expect(await statusOf(user)).toMatchObject({ email: user.email, verified: true, pending: { email: to } });

    const [message] = await mailTo(to);
    expect(message).toMatchObject({ kind: "confirmNewEmail", userId: user.id, subject: "Profiles: confirm your new email address" });
    expect(message!.text).toContain("The link works once, for 24 hours");
    expect(message!.html).toContain("Confirm this address");
    const token = await linkIn(to, "verify");
    // Only the hash is stored.
    expect(await t.client.emailToken.count({ where: { tokenHash: token } })).toBe(0);
    const camundaGet = await call(camunda.GET, { id: user.username }, { headers: basic(user.username, PASSWORD) });
    expect(camundaGet.body.email).toBe(user.email);

    expect(await confirmEmail(token)).toEqual({ email: to, changed: true });
    expect(await stored(user)).toMatchObject({ email: to, emailVerified: true, sequence: 2 });
    expect((await call(camunda.GET, { id: user.username }, { headers: basic(user.username, PASSWORD) })).body.email).toBe(to);
    expect(await statusOf(user)).toMatchObject({ email: to, pending: null });

    const [confirmed, requested] = await listProfileEvents(caller(user), user.id);
    expect(requested).toMatchObject({ via: "UI", actor: { id: user.id }, changes: { pendingEmail: { from: null, to } } });
    expect(confirmed).toMatchObject({ via: "EMAIL_LINK", actor: { id: user.id }, changes: { email: { from: user.email, to } } });
    // The old address is told, with a way to undo it.
    const [notice] = await mailTo(user.email!);
    expect(notice).toMatchObject({ kind: "emailChanged" });
    expect(notice!.text).toContain(`is now ${to}`);
    await linkIn(user.email!, "report");
  });

  it("a link works once; an expired, replaced or made-up one does nothing", async () => {
    const user = await makeUser(t.client);
    await requestOwn(user, `first-${user.username}@example.org`);
    const first = await linkIn(`first-${user.username}@example.org`, "verify");
    await requestOwn(user, `second-${user.username}@example.org`);
    const second = await linkIn(`second-${user.username}@example.org`, "verify");

    await expect(confirmEmail(first)).rejects.toMatchObject({ code: "NOT_FOUND", message: LINK_MESSAGES.replaced });
    expect(await statusOf(user)).toMatchObject({ pending: { email: `second-${user.username}@example.org` } });
    await expect(confirmEmail("made-up-token")).rejects.toMatchObject({ message: LINK_MESSAGES.unknown });
    await expect(reportEmailChange(second)).rejects.toMatchObject({ message: LINK_MESSAGES.unknown }); // a confirm link is not a report link

    await t.client.emailToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await inspectLink("VERIFY", second)).problem).toBe("expired");
    await expect(confirmEmail(second)).rejects.toMatchObject({ message: LINK_MESSAGES.expired });
    expect((await stored(user)).email).toBe(user.email);
    expect(await statusOf(user)).toMatchObject({ pending: null }); // expired: no longer pending

    await requestOwn(user, `third-${user.username}@example.org`);
    const third = await linkIn(`third-${user.username}@example.org`, "verify");
    await confirmEmail(third);
    await expect(confirmEmail(third)).rejects.toMatchObject({ message: LINK_MESSAGES.used });
    expect(await stored(user)).toMatchObject({ email: `third-${user.username}@example.org` });
  });

  it("two people racing for one address at confirmation: one wins, the other is told and keeps their address", async () => {
    const [a, b] = [await makeUser(t.client), await makeUser(t.client)];
    const contested = `contested-${a.username}@example.org`;
    await requestOwn(a, contested);
    await requestOwn(b, contested);
    const tokens = (await t.client.mail.findMany({ where: { to: contested }, orderBy: { createdAt: "asc" } })).map((m) => /token=([\w-]+)/.exec(m.text)![1]!);
    expect(tokens).toHaveLength(2);
    const outcomes = await Promise.all(tokens.map((token) => outcome(confirmEmail(token))));
    expect(outcomes.sort()).toEqual(["CONFLICT", "OK"]);
    expect(await t.client.user.count({ where: { email: contested } })).toBe(1);
    const loser = (await stored(a)).email === contested ? b : a;
    expect((await stored(loser)).email).toBe(loser.email);
    // Taken since the request: a new request is refused at once, on the email field.
    await expect(requestOwn(loser, contested)).rejects.toMatchObject({ code: "CONFLICT", issues: [{ field: "email" }] });
  });

  it("over the Camunda API one's own new email answers 204 and waits; an administrator's change is direct and unverified", async () => {
    const [user, admin] = [await makeUser(t.client), await makeUser(t.client, { role: "ADMIN" })];
    const body = (email: string) => JSON.stringify({ id: user.username, firstName: "Ada", lastName: "Lovelace", email });
    const own = await call(camunda.PUT, { id: user.username }, { method: "PUT", headers: { ...basic(user.username, PASSWORD), "content-type": "application/json" }, body: body(`api-${user.username}@example.org`) });
    expect(own.status).toBe(204);
    expect(await stored(user)).toMatchObject({ email: user.email, firstName: "Ada", lastName: "Lovelace" });
    expect(await statusOf(user)).toMatchObject({ pending: { email: `api-${user.username}@example.org` } });
    const [requested] = await listProfileEvents(caller(user), user.id);
    expect(requested).toMatchObject({ via: "CAMUNDA_API", changes: { firstName: { to: "Ada" }, pendingEmail: { to: `api-${user.username}@example.org` } } });

    const byAdmin = await call(camunda.PUT, { id: user.username }, { method: "PUT", headers: { ...basic(admin.username, PASSWORD), "content-type": "application/json" }, body: body(`set-${user.username}@example.org`) });
    expect(byAdmin.status).toBe(204);
    expect(await stored(user)).toMatchObject({ email: `set-${user.username}@example.org`, emailVerified: false });
    // The change the user asked for is overtaken; both addresses are told, the new one can confirm.
    await expect(confirmEmail(await linkIn(`api-${user.username}@example.org`, "verify"))).rejects.toMatchObject({ message: LINK_MESSAGES.replaced });
    expect((await mailTo(user.email!)).map((m) => m.kind)).toEqual(["emailChangedByAdmin"]);
    const [set] = await mailTo(`set-${user.username}@example.org`);
    expect(set).toMatchObject({ kind: "confirmSetEmail" });
    const [adminEvent] = await listProfileEvents(caller(admin), user.id);
    expect(adminEvent).toMatchObject({ via: "CAMUNDA_API", actor: { id: admin.id }, changes: { email: { to: `set-${user.username}@example.org` }, emailVerified: { from: "true", to: "false" } } });

    expect(await confirmEmail(await linkIn(`set-${user.username}@example.org`, "verify"))).toEqual({ email: `set-${user.username}@example.org`, changed: false });
    expect(await stored(user)).toMatchObject({ email: `set-${user.username}@example.org`, emailVerified: true });
  });

  it("the ZITADEL profile carries no email: its PUT leaves the address alone", async () => {
    const user = await makeUser(t.client);
    const { token } = await createApiToken(caller(user), { name: "z" });
    const put = await call(me.PUT, {}, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ firstName: "Z", lastName: "Y", displayName: "Z Y", email: "ignored@example.org" }) });
    expect(put.status).toBe(200);
    expect(await stored(user)).toMatchObject({ email: user.email, firstName: "Z" });
    expect(await t.client.emailToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("ZITADEL's email routes: one's own change is pending; an administrator may vouch for another's address, never their own", async () => {
    const [user, admin] = [await makeUser(t.client, { emailVerified: false }), await makeUser(t.client, { role: "ADMIN" })];
    const bearer = async (who: User) => ({ authorization: `Bearer ${(await createApiToken(caller(who), { name: "z" })).token}`, "content-type": "application/json" });
    const [userAuth, adminAuth] = [await bearer(user), await bearer(admin)];
    const read = async () => (await call(meEmail.GET, {}, { headers: userAuth })).body;
    expect(await read()).toMatchObject({ email: { email: user.email, isEmailVerified: false }, details: { sequence: "0" } });

    const own = await call(meEmail.PUT, {}, { method: "PUT", headers: userAuth, body: JSON.stringify({ email: `z-${user.username}@example.org` }) });
    expect(own).toMatchObject({ status: 200, body: { details: { sequence: "1" } } });
    expect(await read()).toMatchObject({ email: { email: user.email, isEmailVerified: false } });
    expect(await statusOf(user)).toMatchObject({ pending: { email: `z-${user.username}@example.org` } });

    const vouchOwn = await call(managementEmail.PUT, { userId: admin.id }, { method: "PUT", headers: adminAuth, body: JSON.stringify({ email: admin.email, isEmailVerified: true }) });
    expect(vouchOwn).toMatchObject({ status: 403, body: { code: 7, message: expect.stringContaining("Nobody can mark their own email address as verified") } });

    const vouched = await call(managementEmail.PUT, { userId: user.id }, { method: "PUT", headers: adminAuth, body: JSON.stringify({ email: `v-${user.username}@example.org`, isEmailVerified: true }) });
    expect(vouched.status).toBe(200);
    expect(await read()).toMatchObject({ email: { email: `v-${user.username}@example.org`, isEmailVerified: true } });
    expect(await mailTo(`v-${user.username}@example.org`)).toEqual([]); // nothing to confirm
    expect((await mailTo(user.email!)).map((m) => m.kind)).toEqual(["tokenCreated", "emailChangedByAdmin"]);
    expect(await statusOf(user)).toMatchObject({ pending: null }); // the user's own request is overtaken
    const get = await call(managementEmail.GET, { userId: user.id }, { headers: adminAuth });
    expect(get.body.email).toEqual({ email: `v-${user.username}@example.org`, isEmailVerified: true });
  });

  it("cancel and resend: the link stops working, the history says so; resending replaces the link", async () => {
    const user = await makeUser(t.client);
    const to = `cancel-${user.username}@example.org`;
    await requestOwn(user, to);
    const first = await linkIn(to, "verify");
    expect(await resendEmailLink(caller(user))).toBe(to);
    const second = await linkIn(to, "verify");
    expect(second).not.toBe(first);
    await expect(confirmEmail(first)).rejects.toMatchObject({ message: LINK_MESSAGES.replaced });

    expect(await cancelEmailChange(caller(user))).toBe(to);
    await expect(confirmEmail(second)).rejects.toMatchObject({ message: LINK_MESSAGES.replaced });
    expect(await statusOf(user)).toMatchObject({ email: user.email, pending: null });
    const [cancelled] = await listProfileEvents(caller(user), user.id);
    expect(cancelled).toMatchObject({ via: "UI", changes: { pendingEmail: { from: to, to: null } } });
    expect(await cancelEmailChange(caller(user))).toBeNull(); // nothing left to cancel: no event
    expect((await listProfileEvents(caller(user), user.id))[0]!.sequence).toBe(cancelled!.sequence);
    // Confirmed and nothing pending: nothing to resend.
    expect(await outcome(resendEmailLink(caller(user)))).toBe("INVALID");
    // An address in force but not confirmed (an administrator's, or from before verification existed): its own message.
    const unconfirmed = await makeUser(t.client, { emailVerified: false });
    expect(await resendEmailLink(caller(unconfirmed))).toBe(unconfirmed.email);
    expect((await mailTo(unconfirmed.email!)).map((m) => [m.kind, m.subject])).toEqual([["confirmAddress", "Profiles: confirm your email address"]]);
  });

  it("a person may send themselves five links an hour, not more", async () => {
    const user = await makeUser(t.client);
    for (let i = 0; i < 5; i++) await requestOwn(user, `flood-${i}-${user.username}@example.org`);
    const refused = await requestOwn(user, `flood-5-${user.username}@example.org`).catch((e) => e);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", retryAfter: expect.any(Number) });
    expect(refused.retryAfter).toBeGreaterThan(3000);
    expect(await outcome(resendEmailLink(caller(user)))).toBe("RATE_LIMITED");
    expect(await t.client.mail.count({ where: { userId: user.id } })).toBe(5);
  });

  it("'this was not me' from the old address puts it back, ends every session and revokes every token", async () => {
    const user = await makeUser(t.client);
    const taken = `taken-over-${user.username}@example.org`;
    await requestOwn(user, taken);
    await confirmEmail(await linkIn(taken, "verify"));
    const session = await startSession(user.id);
    await createApiToken(caller(user), { name: "attacker" });
    const report = await linkIn(user.email!, "report");

    expect(await reportEmailChange(report)).toEqual({ restored: user.email, sessionsEnded: 1, tokensRevoked: 1 });
    expect(await stored(user)).toMatchObject({ email: user.email, emailVerified: true });
    expect(await listSessions(caller(user), user.id)).toEqual([]);
    expect(session).toBeTruthy();
    expect(await t.client.apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    const event = await t.client.securityEvent.findFirstOrThrow({ where: { userId: user.id, type: "EMAIL_CHANGE_REPORTED" } });
    expect(event.detail).toMatchObject({ restored: user.email, sessionsEnded: 1, tokensRevoked: 1 });
    await expect(reportEmailChange(report)).rejects.toMatchObject({ message: LINK_MESSAGES.used });
  });

  it("the owner is told of a password change, a reset, a new token; a new account's address gets a link", async () => {
    const [user, admin] = [await makeUser(t.client), await makeUser(t.client, { role: "ADMIN" })];
    await changeOwnPassword({ ...caller(user), username: user.username, displayName: user.displayName, mustChangePassword: false, sessionId: await startSession(user.id) }, { currentPassword: PASSWORD, newPassword: "a much longer passphrase 42", confirmPassword: "a much longer passphrase 42" });
    await createApiToken(caller(user), { name: "ci deploy", expiresInDays: "30" });
    await resetPassword(caller(admin), user.id, { password: "another long passphrase 17", revokeTokens: "" });
    await changeRole(caller(admin), user.id, "ORG_ADMIN"); // not mailed
    expect((await mailTo(user.email!)).map((m) => [m.kind, m.subject])).toEqual([
      ["passwordChanged", "Profiles: your password was changed"],
      ["tokenCreated", "Profiles: a new API token was created"],
      ["passwordReset", "Profiles: your password was reset"],
    ]);
    expect((await mailTo(user.email!))[1]!.text).toContain('named "ci deploy"');
    for (const mail of await mailTo(user.email!)) expect(mail.text).not.toMatch(/passphrase/);

    const { user: created } = await createUser(caller(admin), { username: `new-${user.username}`, email: `new-${user.username}@example.org`, firstName: "N", lastName: "U", displayName: "N U", role: "USER" });
    expect(created).toMatchObject({ emailVerified: false });
    expect((await mailTo(`new-${user.username}@example.org`)).map((m) => m.kind)).toEqual(["confirmSetEmail"]);
  });

  it("mail is written in the recipient's language and time zone", async () => {
    const user = await makeUser(t.client);
    await t.client.user.update({ where: { id: user.id }, data: { preferredLanguage: "de-CH", timeZone: "Asia/Tokyo" } });
    const at = new Date();
    await createApiToken(caller(user), { name: "ci deploy", expiresInDays: "" });
    await t.client.user.update({ where: { id: user.id }, data: { preferredLanguage: "ar", timeZone: null } });
    await requestOwn(user, `arabic-${user.username}@example.org`);
    const [german] = await mailTo(user.email!);
    const [arabic] = await mailTo(`arabic-${user.username}@example.org`);
    const tokyo = new Intl.DateTimeFormat("de", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Tokyo" }).format(at);
    expect(german).toMatchObject({ kind: "tokenCreated" });
    expect(german!.subject).not.toContain("a new API token");
    expect(german!.text).toContain("ci deploy");
    expect(german!.text).toMatch(new RegExp(`${tokyo}|${tokyo.replace(/\d$/, "")}`));
    expect(german!.html).toContain('<html lang="de" dir="ltr">');
    expect(arabic).toMatchObject({ kind: "confirmNewEmail" });
    expect(arabic!.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic!.text).toMatch(/[\u0600-\u06ff]/);
    expect(arabic!.text).toContain("/email/verify?token=");
  });

  it("read-only mode refuses confirming, cancelling and resending, and the link still works afterwards", async () => {
    const user = await makeUser(t.client);
    const to = `ro-${user.username}@example.org`;
    await requestOwn(user, to);
    const token = await linkIn(to, "verify");
    process.env.IDENTITY_READ_ONLY = "true";
    reloadEnv();
    try {
      for (const attempt of [() => confirmEmail(token), () => cancelEmailChange(caller(user)), () => resendEmailLink(caller(user))]) {
        expect(await outcome(attempt())).toBe("READ_ONLY");
      }
    } finally {
      delete process.env.IDENTITY_READ_ONLY;
      reloadEnv();
    }
    expect(await stored(user)).toMatchObject({ email: user.email, sequence: 1 });
    expect(await confirmEmail(token)).toEqual({ email: to, changed: true });
  });

  it("token callers changing their own email get a pending change too", async () => {
    const user = await makeUser(t.client);
    const { token } = await createApiToken(caller(user), { name: "t" });
    const asToken = (await callerForToken(token))!;
    const result = await updateProfile(asToken, { username: user.username }, { email: `tok-${user.username}@example.org` }, { via: "CAMUNDA_API" });
    expect(result).toMatchObject({ pendingEmail: `tok-${user.username}@example.org`, profile: { email: user.email } });
  });
});

describe.each(DB_KINDS)("the outbox on %s, over real SMTP", (kind) => {
  let t: TestDb;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  beforeAll(async () => {
    t = await createTestDb(kind);
    smtp = await startSmtpReceiver();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  const send = () => smtpSender(smtp.url, "Profiles <no-reply@example.com>");
  const queue = (to: string, n = 1) =>
    t.client.mail.createMany({ data: Array.from({ length: n }, (_, i) => ({ to, subject: `Test ${i}`, text: `body ${i} /email/verify?token=secret`, html: "<p>body</p>", kind: "test" })) });
  const dueNow = () => t.client.mail.updateMany({ where: { sentAt: null }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });

  it("delivers over SMTP, then keeps the envelope and drops the body (its links are secrets)", async () => {
    await queue("reader@example.org");
    expect(await deliverDue(send())).toEqual({ claimed: 1, sent: 1, failed: 0 });
    const got = smtp.received.find((m) => m.to === "reader@example.org")!;
    expect(got).toMatchObject({ subject: "Test 0", text: expect.stringContaining("/email/verify?token=secret") });
    const row = await t.client.mail.findFirstOrThrow({ where: { to: "reader@example.org" } });
    expect(row).toMatchObject({ attempts: 1, text: "", html: "", lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(got.messageId).toBe(`<${row.id}@example.com>`);
    expect(await deliverDue(send())).toEqual({ claimed: 0, sent: 0, failed: 0 });
  });

  it("a refused attempt is retried later; a permanent refusal gives up; so does the last attempt", async () => {
    await queue("later@example.org");
    smtp.refuse(451);
    expect(await deliverDue(send())).toEqual({ claimed: 1, sent: 0, failed: 0 });
    const waiting = await t.client.mail.findFirstOrThrow({ where: { to: "later@example.org" } });
    expect(waiting).toMatchObject({ attempts: 1, sentAt: null, failedAt: null, claimedUntil: null });
    expect(waiting.lastError).toMatch(/451/);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await deliverDue(send())).toMatchObject({ claimed: 0 }); // not due yet
    await dueNow();
    expect(await deliverDue(send())).toEqual({ claimed: 1, sent: 1, failed: 0 });

    await queue("never@example.org");
    smtp.refuse(550);
    expect(await deliverDue(send())).toEqual({ claimed: 1, sent: 0, failed: 1 });
    expect(await t.client.mail.findFirstOrThrow({ where: { to: "never@example.org" } })).toMatchObject({ attempts: 1, sentAt: null, failedAt: expect.any(Date) });

    await queue("flaky@example.org");
    await t.client.mail.updateMany({ where: { to: "flaky@example.org" }, data: { attempts: MAX_ATTEMPTS - 1 } });
    smtp.refuse(421);
    expect(await deliverDue(send())).toEqual({ claimed: 1, sent: 0, failed: 1 });
    await dueNow();
    expect(await deliverDue(send())).toMatchObject({ claimed: 0 });
    expect(smtp.received.filter((m) => ["never@example.org", "flaky@example.org"].includes(m.to))).toEqual([]);
  });

  it("two workers at once send every message exactly once", async () => {
    await queue("many@example.org", 30);
    const workers = [send(), send()];
    const drain = async (worker: ReturnType<typeof send>) => {
      let total = 0;
      for (let r; (r = await deliverDue(worker, 4)).claimed > 0; ) total += r.sent;
      return total;
    };
    const sent = await Promise.all(workers.map(drain));
    expect(sent[0]! + sent[1]!).toBe(30);
    const got = smtp.received.filter((m) => m.to === "many@example.org");
    expect(got).toHaveLength(30);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(30);
    expect(await t.client.mail.count({ where: { to: "many@example.org", sentAt: null } })).toBe(0);
  });
});

describe("mail settings", () => {
  const saved = { ...process.env };
  const load = (settings: Record<string, string>) => {
    for (const key of ["SMTP_URL", "APP_URL", "MAIL_FROM"]) delete process.env[key];
    Object.assign(process.env, settings);
    try {
      return reloadEnv();
    } finally {
      process.env = { ...saved };
      reloadEnv();
    }
  };

  it("SMTP_URL needs APP_URL and MAIL_FROM, and each is checked", () => {
    expect(() => load({ SMTP_URL: "smtp://mail.example.com:587" })).toThrow(/APP_URL must be set when SMTP_URL is[\s\S]*MAIL_FROM must be set when SMTP_URL is/);
    expect(() => load({ SMTP_URL: "http://mail.example.com", APP_URL: "https://p.example.com", MAIL_FROM: "a@example.com" })).toThrow(/SMTP_URL must be an SMTP URL/);
    expect(() => load({ APP_URL: "javascript:alert(1)" })).toThrow(/APP_URL must be the app's address/);
    expect(() => load({ MAIL_FROM: "Profiles <no-reply@example.com>\r\nBcc: x@evil.example" })).toThrow(/MAIL_FROM must be an address/);
    expect(load({ SMTP_URL: "smtps://u:p@mail.example.com:465", APP_URL: "https://p.example.com/", MAIL_FROM: "Profiles <no-reply@example.com>" })).toMatchObject({
      APP_URL: "https://p.example.com",
      MAIL_FROM: "Profiles <no-reply@example.com>",
    });
    const embedded = load({ PORT: "3400" });
    expect([embedded.APP_URL, embedded.SMTP_URL, embedded.MAIL_FROM]).toEqual(["http://localhost:3400", undefined, "Profiles <no-reply@localhost>"]);
  });
});
