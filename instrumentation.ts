/** Runs once when the server starts: the request context and access log for every request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { watchRequests } = await import("./lib/http/access-log");
  watchRequests();
}
