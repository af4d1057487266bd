import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** A true/false setting; unset (or empty) is undefined, so each setting picks its own default. */
const flag = (name: string) =>
  z
    .enum(["true", "false", "1", "0", ""], {
      error: `${name} must be "true" or "false"`,
    })
    .optional()
    .transform((v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : undefined));

const count = (name: string, { min, max, fallback }: { min: number; max: number; fallback: number }) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be at least ${min}` })
    .max(max, { error: `${name} must be at most ${max}` })
    .default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, {
      error: "DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/db, or unset for the embedded database",
    })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z
    .string()
    .min(32, { error: "AUTH_SECRET must be at least 32 characters (try: openssl rand -base64 33)" })
    .optional(),
  IDENTITY_READ_ONLY: flag("IDENTITY_READ_ONLY").transform(Boolean),
  /** Demo accounts with a published password: by default only on the embedded database. */
  SEED_DEMO: flag("SEED_DEMO"),
  DB_POOL_SIZE: count("DB_POOL_SIZE", { min: 1, max: 200, fallback: 10 }),
  /** How many reverse proxies in front append to X-Forwarded-For; 0 trusts none of it. */
  TRUST_PROXY_HOPS: count("TRUST_PROXY_HOPS", { min: 0, max: 10, fallback: 0 }),
  /** A browser session ends after this long without a request... */
  SESSION_IDLE_MINUTES: count("SESSION_IDLE_MINUTES", { min: 5, max: 7 * 24 * 60, fallback: 120 }),
  /** ...and this long after signing in, whatever happens. */
  SESSION_MAX_HOURS: count("SESSION_MAX_HOURS", { min: 1, max: 30 * 24, fallback: 12 }),
  /** Where people reach the app: the links in mail point here. */
  APP_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { error: "APP_URL must be the app's address, such as https://profiles.example.com" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Mail goes out over SMTP when set; without it, it stays in the database (the development outbox, /dev/mail). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, { error: "SMTP_URL must be an SMTP URL such as smtps://user:password@smtp.example.com:465" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The sender of every message, such as "Profiles <no-reply@example.com>". */
  MAIL_FROM: z
    .string()
    .regex(/^([^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, { error: 'MAIL_FROM must be an address, such as "Profiles <no-reply@example.com>"' })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PORT: z.string().regex(/^\d{1,5}$/, { error: "PORT must be a port number" }).default("3000"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
    error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
  }).default("info"),
})
  .superRefine((env, ctx) => {
    // Mail that leaves the machine must name a sender and link to where people really reach the app.
    for (const name of ["APP_URL", "MAIL_FROM"] as const) {
      if (env.SMTP_URL && !env[name]) ctx.addIssue({ code: "custom", path: [name], message: `${name} must be set when SMTP_URL is` });
    }
  })
  .transform((env) => ({
    ...env,
    SEED_DEMO: env.SEED_DEMO ?? !env.DATABASE_URL,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    MAIL_FROM: env.MAIL_FROM ?? "Profiles <no-reply@localhost>",
  }));

export type Env = z.output<typeof schema>;

function load(): Env {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment, parsed once on first use. */
export function env(): Env {
  cached ??= load();
  return cached;
}

export function dataDir(): string {
  return path.resolve(env().DATA_DIR);
}

/** The file that keeps the generated AUTH_SECRET of a machine that set none. */
export function authSecretFile(): string {
  return path.join(dataDir(), "auth-secret");
}

/**
 * AUTH_SECRET from the environment, else the one `npm start` generated under DATA_DIR.
 * Auth.js refuses to sign sessions without it, so a missing one is a clear start-up error.
 */
export function authSecret(): string {
  const fromEnv = env().AUTH_SECRET;
  if (fromEnv) return fromEnv;
  try {
    return fs.readFileSync(authSecretFile(), "utf8").trim();
  } catch {
    throw new Error(
      `AUTH_SECRET is not set and ${authSecretFile()} does not exist. Run \`npm start\` once (it creates one) or set AUTH_SECRET.`,
    );
  }
}

/** Parses process.env again (tests change settings such as IDENTITY_READ_ONLY between cases). */
export function reloadEnv(): Env {
  cached = load();
  return cached;
}
