/**
 * Account chores from the command line, for a server's operator:
 *   npm run user:create -- --admin --username root --email root@example.com [--org "Acme"]
 *       creates a user (an ADMIN with --admin) with a generated password, printed once; they
 *       choose their own at first sign-in. The way to the first administrator of a new database.
 *   npm run user:remove-demo
 *       deletes the demo accounts (published password), with their sessions and tokens.
 */
import { PrismaClient } from "../generated/prisma/client";
import { generatePassword, hashPassword } from "../auth/password";
import { email as emailSchema, username as usernameSchema } from "../profile/schema";
import { searchText } from "../profile/search";
import { openAdapter } from "./adapter";
import { runIfMain } from "./run";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function createUser(client: PrismaClient) {
  const username = usernameSchema.safeParse(option("username"));
  const email = emailSchema.safeParse(option("email"));
  if (!username.success || !email.success) {
    throw new Error("Usage: npm run user:create -- [--admin] --username <name> --email <address> [--org <organisation>] [--name \"First Last\"]");
  }
  const orgName = option("org") ?? "Default";
  const [firstName = username.data, ...rest] = (option("name") ?? username.data).split(" ");
  const lastName = rest.join(" ") || firstName;
  const org = await client.organization.upsert({ where: { name: orgName }, update: {}, create: { name: orgName } });
  const password = generatePassword();
  const profile = { username: username.data, email: email.data, firstName, lastName, displayName: `${firstName} ${lastName}`, nickName: null };
  const user = await client.user.create({
    data: {
      ...profile,
      searchText: searchText(profile),
      role: process.argv.includes("--admin") ? "ADMIN" : "USER",
      orgId: org.id,
      passwordHash: await hashPassword(password),
      passwordChangedAt: new Date(),
      mustChangePassword: true,
    },
  });
  console.log(`Created ${user.role === "ADMIN" ? "administrator" : "user"} ${user.username} in ${org.name}.`);
  console.log(`Password (shown only now; they choose their own at first sign-in): ${password}`);
}

async function removeDemo(client: PrismaClient) {
  const { count } = await client.user.deleteMany({ where: { demo: true } });
  console.log(count ? `Removed ${count} demo account(s).` : "There are no demo accounts.");
}

async function main() {
  const command = process.argv[2];
  if (command !== "create" && command !== "remove-demo") throw new Error("Usage: tsx lib/db/users.ts create|remove-demo ...");
  const open = await openAdapter();
  const client = new PrismaClient({ adapter: open.factory });
  try {
    await (command === "create" ? createUser(client) : removeDemo(client));
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new Error("That username or email is already used.");
    throw error;
  } finally {
    await client.$disconnect();
    await open.close();
  }
}

runIfMain(import.meta.url, main);
