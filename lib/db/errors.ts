import { Prisma } from "../generated/prisma/client";

// Prisma's codes for "the database cannot be reached / did not answer / the pool is exhausted".
const UNREACHABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);

/**
 * Whether an error means the database is away (stopped, restarting, unreachable) rather than that
 * the request was wrong: such requests get 503 and a "try again", never a 500 with a stack.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (UNREACHABLE.has(error.code)) return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { code?: string; kind?: string } } | undefined)?.cause;
  // PostgreSQL's class 08 (connection exception) and 57P01–57P03 (shutting down, starting up).
  return cause?.kind === "DatabaseNotReachable" || /^(08|57P0[123])/.test(cause?.code ?? "") || /Connection terminated/i.test(error.message);
}

/**
 * Whether an error is a unique index refusing a write: P2002 from Prisma's own queries, or the same
 * refusal from a raw statement (P2010, whose driver error says so).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string; originalCode?: string } } | undefined)?.cause;
  return error.code === "P2010" && (cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505");
}
