/**
 * The origin a request was addressed to (behind a proxy: the one the reader used), so examples and
 * the OpenAPI document's server paste and send as they are. A host or scheme that does not look
 * like one falls back to localhost rather than being echoed into a page.
 */
export function servedOrigin(headers: Headers): string {
  const first = (name: string) => headers.get(name)?.split(",")[0]?.trim() || undefined;
  const host = first("x-forwarded-host") ?? first("host");
  const proto = first("x-forwarded-proto") ?? "http";
  const saneHost = host && /^([\w.-]+|\[[\da-f:.]+\])(:\d{1,5})?$/i.test(host);
  return saneHost && /^https?$/.test(proto) ? `${proto}://${host}` : "http://localhost:3000";
}
