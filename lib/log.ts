import pino from "pino";
import { env } from "./env";

/**
 * The one logger: JSON lines on stdout — one per request (lib/http/access-log.ts), one per
 * security event, and errors with their stack. Never a password, token or cookie: callers log ids,
 * and the paths below are censored should one slip into a logged object.
 */
export const log = pino({
  level: env().LOG_LEVEL,
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: ["password", "*.password", "token", "*.token", "secret", "authorization", "*.authorization", "cookie", "*.cookie"],
    censor: "[redacted]",
  },
});
