import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db/client";
import { authSecret } from "../env";
import { verifyPassword } from "./password";

const credentials = z.object({
  username: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

/** Finds the account by username or (case-insensitively) email and checks the password. */
export async function checkCredentials(username: string, password: string): Promise<{ id: string } | null> {
  const client = await db();
  const user = await client.user.findFirst({
    where: { OR: [{ username }, { email: username.toLowerCase() }] },
    select: { id: true, passwordHash: true },
  });
  // Verified even for an unknown user, so the answer takes as long either way.
  const ok = await verifyPassword(user?.passwordHash, password);
  return user && ok ? { id: user.id } : null;
}

declare module "next-auth" {
  interface Session {
    /** When the person signed in (ms since the epoch), to end the session after a password reset. */
    signedInAt: number;
  }
}

// The config is built on first use, so `next build` needs no secret and no database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  logger: {
    // A refused sign-in is an answer, not a server error: no stack trace in the log for it.
    error(error: Error) {
      if (error.name === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`, error.cause ?? "");
    },
  },
  providers: [
    Credentials({
      credentials: { username: { label: "Username or email" }, password: { label: "Password", type: "password" } },
      async authorize(input) {
        const parsed = credentials.safeParse(input);
        if (!parsed.success) return null;
        return checkCredentials(parsed.data.username, parsed.data.password);
      },
    }),
  ],
  callbacks: {
    // Auth.js renews `iat` whenever it re-signs the cookie, so sign-in time is a claim of our own.
    jwt({ token, user }) {
      if (user) token.signedInAt = Date.now();
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : 0;
      return session;
    },
  },
}));
