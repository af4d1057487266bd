import { PrismaClient } from "../generated/prisma/client";
import { hashPassword } from "../auth/password";
import { env } from "../env";
import { openAdapter } from "./adapter";
import { runIfMain } from "./run";
import { progressLine, seedUsers } from "./seed-users";
import { searchText } from "../profile/search";

export const DEMO_PASSWORD = "demo-password";

export const DEMO_ACCOUNTS = [
  { username: "admin", role: "ADMIN", org: "Acme", firstName: "Ada", lastName: "Lovelace", preferredLanguage: "en-GB" },
  { username: "orgadmin", role: "ORG_ADMIN", org: "Acme", firstName: "Grace", lastName: "Hopper", preferredLanguage: "en-US" },
  { username: "alice", role: "USER", org: "Acme", firstName: "Alice", lastName: "Liddell", preferredLanguage: "en" },
  { username: "bob", role: "USER", org: "Globex", firstName: "Bob", lastName: "Marley", preferredLanguage: "de-CH" },
] as const;

/** Creates the demo organisations and accounts that are missing; leaves existing ones as they are. */
export async function seedDemo(client: PrismaClient): Promise<string[]> {
  const created: string[] = [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgIds = new Map<string, string>();
  for (const name of new Set(DEMO_ACCOUNTS.map((a) => a.org))) {
    const org = await client.organization.upsert({ where: { name }, update: {}, create: { name } });
    orgIds.set(name, org.id);
  }
  for (const account of DEMO_ACCOUNTS) {
    const exists = await client.user.findUnique({ where: { username: account.username }, select: { id: true } });
    if (exists) continue;
    const profile = {
      username: account.username,
      email: `${account.username}@example.com`,
      firstName: account.firstName,
      lastName: account.lastName,
      displayName: `${account.firstName} ${account.lastName}`,
      nickName: null,
    };
    await client.user.create({
      data: {
        ...profile,
        searchText: searchText(profile),
        preferredLanguage: account.preferredLanguage,
        role: account.role,
        orgId: orgIds.get(account.org)!,
        passwordHash,
        demo: true,
        emailVerified: true,
      },
    });
    created.push(account.username);
  }
  return created;
}

function usersOption(): number {
  const i = process.argv.indexOf("--users");
  if (i < 0) return 0;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 0 || n > 5_000_000) throw new Error("--users takes a whole number, e.g. --users 100000");
  return n;
}

/** `npm run db:seed [-- --users N]`: demo accounts, plus N generated users for trying scale. */
async function main() {
  const users = usersOption();
  const open = await openAdapter();
  const client = new PrismaClient({ adapter: open.factory });
  try {
    if (env().SEED_DEMO) {
      const created = await seedDemo(client);
      console.log(created.length ? `Created demo accounts: ${created.join(", ")}` : "Demo accounts already exist.");
    } else {
      console.log("No demo accounts created (SEED_DEMO is false, the default with DATABASE_URL).");
    }
    if ((await client.user.count()) === 0) {
      console.log("No users yet. Create the first administrator (a one-time password is printed):");
      console.log("  npm run user:create -- --admin --username <name> --email <address> [--org <organisation>]");
    }
    if (users) {
      const started = Date.now();
      const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
      console.log(`Generating ${users.toLocaleString("en-US")} users on ${open.describe}…`);
      const inserted = await seedUsers(client, users, await hashPassword(DEMO_PASSWORD), { progress: (p) => console.log(progressLine(p)) });
      console.log(`Generated ${inserted} users (${users - inserted} existed) in ${seconds()} s.`);
      if (inserted) {
        // Fresh statistics, so the planner knows the table's size and what a search matches (the
        // admin list's plans and its estimate of the total depend on them), and a fresh visibility
        // map, so counts can read indexes alone. Autovacuum would get there too, later.
        await client.$executeRawUnsafe(`VACUUM (ANALYZE) "User"`);
        console.log(`Vacuumed and analysed the user table (${seconds()} s in all).`);
      }
    }
  } finally {
    await client.$disconnect();
    await open.close();
  }
}

runIfMain(import.meta.url, main);
