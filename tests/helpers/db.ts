import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openMemory, openPostgres, type OpenAdapter } from "@/lib/db/adapter";
import { setDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { hashPassword } from "@/lib/auth/password";
import { ProfileError } from "@/lib/profile/errors";
import type { Caller, Role } from "@/lib/profile/types";

export type DbKind = "pglite" | "postgres";
export const DB_KINDS: DbKind[] = ["pglite", "postgres"];

export interface TestDb {
  client: PrismaClient;
  close(): Promise<void>;
}

/** A fresh, migrated database for one test file, made the process's database. */
export async function createTestDb(kind: DbKind): Promise<TestDb> {
  let open: OpenAdapter;
  let drop = async () => {};
  if (kind === "pglite") {
    open = await openMemory();
  } else {
    const adminUrl = inject("postgresUrl");
    const name = `test_${crypto.randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    open = openPostgres(url.toString());
    drop = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  await applyMigrations(open.factory);
  const client = new PrismaClient({ adapter: open.factory });
  setDb(client);
  return {
    client,
    async close() {
      await client.$disconnect();
      await open.close();
      await drop();
    },
  };
}

let passwordHash: Promise<string> | undefined;
export const PASSWORD = "correct horse battery staple";

/** Builds a user in one line: `await makeUser(client, { role: "ADMIN", org: "Acme" })`. */
export async function makeUser(
  client: PrismaClient,
  { role = "USER", org = "Acme", username, email, emailVerified = true }: { role?: Role; org?: string; username?: string; email?: string; emailVerified?: boolean } = {},
) {
  passwordHash ??= hashPassword(PASSWORD);
  const organization = await client.organization.upsert({ where: { name: org }, update: {}, create: { name: org } });
  const name = username ?? `${role.toLowerCase()}-${crypto.randomBytes(4).toString("hex")}`;
  return client.user.create({
    data: {
      username: name,
      email: email ?? `${name}@example.com`,
      emailVerified,
      firstName: "Test",
      lastName: name,
      displayName: `Test ${name}`,
      role,
      orgId: organization.id,
      passwordHash: await passwordHash,
    },
  });
}

/** The service's view of a user acting in their own name (no token). */
export const caller = (user: { id: string; orgId: string; role: Role }): Caller => ({ id: user.id, orgId: user.orgId, role: user.role });

/** "OK", or the ProfileError code the promise was refused with. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof ProfileError) return error.code;
    throw error;
  }
}
