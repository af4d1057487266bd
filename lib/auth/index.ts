import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authSecret, env } from "../env";
import { log } from "../log";
import { asProfileError } from "../http/known-error";
import { signInWithPassword } from "./credentials";
import { endOwnSession, loadSession } from "./session-store";

const credentials = z.object({
  username: z.string().trim().min(1).max(254).regex(/^[^\p{Cc}]+$/u),
  password: z.string().min(1).max(1024).regex(/^[^\p{Cc}]+$/u),
});

/** A sign-in that cannot be tried now (too many failures, or the database is away): `retryAfter` says when. */
export class RetryLater extends CredentialsSignin {
  code = "retry_later";
  constructor(
    readonly retryAfter: number,
    /** The sentence people read (Auth.js appends a link to its own `message`). */
    readonly reason: string,
  ) {
    super(reason);
  }
}

declare module "next-auth" {
  interface Session {
    /** The browser session's id (a Session row); everything else is read from the database. */
    sessionId?: string;
  }
  interface User {
    sessionId?: string;
  }
}

// The config is built on first use, so `next build` needs no secret and no database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  // The cookie holds a JWT that names a Session row: ending the row ends the session everywhere.
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_HOURS * 60 * 60 },
  pages: { signIn: "/login" },
  logger: {
    // A refused sign-in is an answer, not a server error: no stack trace in the log for it.
    error(error: Error) {
      if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
      log.error({ err: error, cause: error.cause }, "auth error");
    },
  },
  providers: [
    Credentials({
      credentials: { username: { label: "Username or email" }, password: { label: "Password", type: "password" } },
      async authorize(input) {
        const parsed = credentials.safeParse(input);
        if (!parsed.success) return null;
        try {
          return await signInWithPassword(parsed.data.username, parsed.data.password);
        } catch (thrown) {
          const error = asProfileError(thrown);
          if (error?.retryAfter) throw new RetryLater(error.retryAfter, error.message);
          throw thrown;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sid = user.sessionId;
        return token;
      }
      // Every use of the cookie asks whether its session is still live: an ended one signs out.
      if (typeof token.sid !== "string") return null;
      try {
        return (await loadSession(token.sid)) ? token : null;
      } catch {
        // The database is away: that ends no session (the page reports the outage instead).
        return token;
      }
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endOwnSession(sid);
    },
  },
}));
