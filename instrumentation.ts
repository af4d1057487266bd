/** Runs once when the server starts: the request context and access log, and the outbox worker. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { watchRequests } = await import("./lib/http/access-log");
  watchRequests();
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startMailWorker } = await import("./lib/mail/outbox");
  startMailWorker();
}
