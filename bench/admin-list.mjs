// Server time of the admin user list at scale: first page, a search, and page 1000.
// Usage: node bench/admin-list.mjs [baseUrl]   (a running server with `npm run db:seed -- --users 100000`)
const base = process.argv[2] ?? "http://127.0.0.1:3000";
const ROUNDS = 7;

async function signIn(username, password) {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in as ${username} failed (${res.status})`);
  return session;
}

async function time(path, cookie) {
  const samples = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    const res = await fetch(base + path, { headers: { cookie } });
    const body = await res.text();
    samples.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    if (i === 0) {
      const summary = /([\d,]+) users? · page ([\d,]+) of ([\d,]+)/.exec(body);
      if (!summary) throw new Error(`${path}: no result summary in the page`);
    }
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(ROUNDS / 2)], min: samples[0] };
}

const cookie = await signIn(process.env.BENCH_USER ?? "admin", "demo-password");
const rows = [];
for (const [name, path] of [
  ["first page", "/admin/users"],
  ["search 'zoe mül'", "/admin/users?q=zoe+m%C3%BCl"],
  ["search 'abern'", "/admin/users?q=abern"],
  ["page 1000", "/admin/users?page=1000"],
  ["page 1000, by display name", "/admin/users?page=1000&sort=displayName"],
]) {
  const t = await time(path, cookie);
  rows.push({ request: name, "median ms": t.median.toFixed(1), "min ms": t.min.toFixed(1) });
}
console.table(rows);
