import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Readiness: the database answers. */
export async function GET() {
  try {
    const client = await db();
    await client.$queryRaw`SELECT 1`;
    return Response.json({ status: "ready" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("readiness check failed:", error);
    return Response.json({ status: "unavailable", reason: "database unreachable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
