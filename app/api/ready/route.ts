import { db } from "@/lib/db/client";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";
const TIMEOUT_MS = 2000;

/** Readiness: the database answers, within two seconds (a load balancer waits no longer). */
export async function GET() {
  const headers = { "cache-control": "no-store" };
  try {
    const client = await db();
    await Promise.race([
      client.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
    ]);
    return Response.json({ status: "ready" }, { headers });
  } catch (error) {
    log.warn({ err: error }, "readiness check failed");
    return Response.json({ status: "unavailable", reason: "database unreachable" }, { status: 503, headers: { ...headers, "retry-after": "5" } });
  }
}
