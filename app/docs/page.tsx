import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { openApiDocument } from "@/lib/http/openapi";
import { servedOrigin } from "@/lib/http/served-origin";

export const metadata: Metadata = { title: "API documentation" };

type JsonSchema = { type?: string | string[]; description?: string; enum?: string[]; anyOf?: JsonSchema[]; maxLength?: number; properties?: Record<string, JsonSchema>; required?: string[] };
type Operation = {
  summary: string; description?: string; tags: string[]; security: Record<string, unknown>[];
  parameters?: { name: string; in: string; description?: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { description: string }>;
};

function examples(base: string): Record<string, Record<string, string>> {
  const camunda = (prefix: string) => ({
    get: `curl -i -u alice:$TOKEN ${base}${prefix}/user/alice/profile`,
    put: `curl -i -X PUT -u alice:$TOKEN ${base}${prefix}/user/alice/profile \\\n  -H "Content-Type: application/json" \\\n  -d '{"id":"alice","firstName":"Alice","lastName":"Liddell","email":"alice@example.com"}'`,
  });
  return {
    "/auth/v1/users/me/profile": {
      get: `curl -i ${base}/auth/v1/users/me/profile \\\n  -H "Authorization: Bearer $TOKEN"`,
      put: `curl -i -X PUT ${base}/auth/v1/users/me/profile \\\n  -H "Authorization: Bearer $TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -H 'If-Match: "3"' \\\n  -d '{"firstName":"Zoë","lastName":"O'"'"'Brien","displayName":"Zoë O'"'"'Brien","preferredLanguage":"de-CH","gender":"GENDER_FEMALE"}'`,
    },
    "/management/v1/users/{userId}/profile": {
      get: `curl -i ${base}/management/v1/users/$USER_ID/profile \\\n  -H "Authorization: Bearer $TOKEN" \\\n  -H "x-zitadel-orgid: $ORG_ID"`,
      put: `curl -i -X PUT ${base}/management/v1/users/$USER_ID/profile \\\n  -H "Authorization: Bearer $TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -d '{"firstName":"Alice","lastName":"Liddell","nickName":"Al","displayName":"Alice Liddell","preferredLanguage":"en","gender":"GENDER_UNSPECIFIED"}'`,
    },
    "/auth/v1/users/me/email": {
      get: `curl -i ${base}/auth/v1/users/me/email \\\n  -H "Authorization: Bearer $TOKEN"`,
      put: `curl -i -X PUT ${base}/auth/v1/users/me/email \\\n  -H "Authorization: Bearer $TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -d '{"email":"alice@example.org"}'`,
    },
    "/management/v1/users/{userId}/email": {
      get: `curl -i ${base}/management/v1/users/$USER_ID/email \\\n  -H "Authorization: Bearer $TOKEN"`,
      put: `curl -i -X PUT ${base}/management/v1/users/$USER_ID/email \\\n  -H "Authorization: Bearer $TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -d '{"email":"alice@example.org","isEmailVerified":false}'`,
    },
    "/engine-rest/user/{id}/profile": camunda("/engine-rest"),
    "/engine-rest/engine/{name}/user/{id}/profile": camunda("/engine-rest/engine/default"),
  };
}

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.join(" | ");
  if (s.anyOf) return s.anyOf.map(typeOf).join(" or ");
  return Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
}

function Fields({ schema }: { schema: JsonSchema }) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-slate-700">
        <tr className="border-b border-slate-200">
          <th scope="col" className="py-1.5 pr-3 font-medium">Field</th>
          <th scope="col" className="py-1.5 pr-3 font-medium">Type</th>
          <th scope="col" className="py-1.5 font-medium">Rules</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(schema.properties ?? {}).map(([name, field]) => (
          <tr key={name} className="border-b border-slate-100 align-top">
            <td className="py-1.5 pr-3 font-mono">{name}{schema.required?.includes(name) && <span className="text-red-700" title="required"> *</span>}</td>
            <td className="py-1.5 pr-3 font-mono text-xs break-all">{typeOf(field)}</td>
            <td className="py-1.5 text-slate-700">{field.description ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Readable API documentation, rendered on the server from the OpenAPI document (no scripts, no internet). */
export default async function DocsPage() {
  const origin = servedOrigin(await headers());
  const doc = openApiDocument(origin);
  const example = examples(origin);
  const schemas = doc.components.schemas as Record<string, JsonSchema>;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">API documentation</h1>
        <p className="max-w-3xl text-sm text-slate-700">{doc.info.description}</p>
        <p className="text-sm">
          Machine-readable: <a href="/api/openapi.json" className="text-indigo-700 underline">/api/openapi.json</a> (OpenAPI 3.1, generated from the
          same Zod schemas the server validates with). Tokens: <Link href="/settings/tokens" className="text-indigo-700 underline">API tokens</Link>.
          Camunda routes are also served under <code>/engine-rest/engine/default/…</code>.
        </p>
      </header>
      {Object.entries(doc.paths).map(([path, ops]) =>
        Object.entries(ops as Record<string, Operation>).map(([method, op]) => {
          const bodyRef = op.requestBody?.content["application/json"]?.schema.$ref.split("/").pop();
          return (
            <section key={`${method} ${path}`} aria-labelledby={`${method}-${path}`} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
              <div>
                <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">{op.tags[0]}</p>
                <h2 id={`${method}-${path}`} className="mt-1 font-mono text-base break-all">
                  <span className="mr-2 rounded bg-slate-800 px-2 py-0.5 text-sm text-white">{method.toUpperCase()}</span>{path}
                </h2>
                <p className="mt-2 text-sm">{op.summary}. {op.description} Auth: {Object.keys(op.security[0] ?? {}).join(", ") === "bearer" ? "Bearer token" : "HTTP Basic (username:password or username:token)"}.</p>
              </div>
              {op.parameters && op.parameters.length > 0 && (
                <ul className="list-disc space-y-1 pl-5 text-sm">
                  {op.parameters.map((p) => (
                    <li key={p.name}><code>{p.name}</code> ({p.in}{p.required ? ", required" : ""}){p.description ? `: ${p.description}` : ""}</li>
                  ))}
                </ul>
              )}
              {bodyRef && schemas[bodyRef] && (
                <div className="overflow-x-auto">
                  <h3 className="mb-1 text-sm font-semibold">Body</h3>
                  <Fields schema={schemas[bodyRef]} />
                </div>
              )}
              <div>
                <h3 className="mb-1 text-sm font-semibold">Responses</h3>
                <ul className="space-y-1 text-sm">
                  {Object.entries(op.responses).map(([status, r]) => (
                    <li key={status}><code className="font-semibold">{status}</code> {r.description}</li>
                  ))}
                </ul>
              </div>
              <div>
                <h3 className="mb-1 text-sm font-semibold">Example</h3>
                <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100"><code>{example[path]?.[method]}</code></pre>
              </div>
            </section>
          );
        }),
      )}
    </div>
  );
}
