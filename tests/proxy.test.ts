import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const run = (url: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) => proxy(new NextRequest(url, init));

describe("proxy.ts: the headers every page gets, and the requests it answers itself", () => {
  it("gives every page a fresh nonce-based CSP", async () => {
    const [a, b] = [await run("http://localhost/profile"), await run("http://localhost/profile")];
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) expect(csp).toContain(directive);
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    // The page renders with the same policy, so Next puts the nonce on its scripts.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("allows inline styles on /docs alone, for its interactive reference; its scripts stay nonce-only", async () => {
    const docs = (await run("http://localhost/docs")).headers.get("content-security-policy")!;
    expect(docs).toContain("style-src 'self' 'unsafe-inline';");
    expect(docs).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    for (const path of ["/profile", "/docs/elsewhere", "/login"]) {
      expect((await run(`http://localhost${path}`)).headers.get("content-security-policy")).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/]{22}==';/);
    }
  });

  it("sends HSTS and upgrade-insecure-requests over https only", async () => {
    const secure = await run("https://profiles.example/profile");
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(secure.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const plain = await run("http://localhost/profile");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });

  it.each([
    ["an oversized server-action body", "http://localhost/profile", { method: "POST", headers: { "next-action": "x", "content-length": String(2 * 1024 * 1024) }, body: "[]" }, 413, "text/plain"],
    ["a server action whose arguments are not a list", "http://localhost/profile", { method: "POST", headers: { "next-action": "x", "content-type": "text/plain", "content-length": "6" }, body: '"text"' }, 400, "text/plain"],
  ])("answers %s in the surface's format, with the request id", async (_label, url, init, status, type) => {
    const response = await run(url, { ...init, headers: { ...(init as { headers?: object }).headers, "x-request-id": "req-42" } });
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain(type);
    expect(response.headers.get("x-request-id")).toBe("req-42");
    expect(await response.text()).toContain(type === "text/plain" ? "req-42" : '"code":3');
  });
});
