import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const flag = (name: string) =>
  z
    .enum(["true", "false", "1", "0", ""], {
      error: `${name} must be "true" or "false"`,
    })
    .optional()
    .transform((v) => v === "true" || v === "1");

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
  IDENTITY_READ_ONLY: flag("IDENTITY_READ_ONLY"),
  SEED_DEMO: z
    .enum(["true", "false", "1", "0", ""], { error: 'SEED_DEMO must be "true" or "false"' })
    .optional()
    .transform((v) => v !== "false" && v !== "0"),
  DB_POOL_SIZE: z.coerce
    .number({ error: "DB_POOL_SIZE must be a whole number" })
    .int()
    .min(1)
    .max(200)
    .default(10),
});

export type Env = z.infer<typeof schema>;

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
