import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { curlExamples } from "@/components/docs/curl-examples";
import { OperationReference, type JsonSchema, type Operation } from "@/components/docs/operation-reference";
import { Prose } from "@/components/docs/prose";
import { openApiDocument } from "@/lib/http/openapi";
import { servedOrigin } from "@/lib/http/served-origin";

export const metadata: Metadata = { title: "API documentation" };

/** Every operation, rendered here on the server with a curl example for the address this page was served from (no scripts needed, no internet). */
export default async function DocsPage() {
  const origin = servedOrigin(await headers());
  const doc = openApiDocument(origin);
  const example = curlExamples(origin);
  const schemas = doc.components.schemas as Record<string, JsonSchema>;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">API documentation</h1>
        <p className="max-w-3xl text-sm text-slate-700"><Prose text={doc.info.description} /></p>
        <p className="text-sm">
          Machine-readable: <a href="/api/openapi.json" className="text-indigo-700 underline">/api/openapi.json</a> (OpenAPI 3.1, generated from the
          same Zod schemas the server validates with). Tokens: <Link href="/settings/tokens" className="text-indigo-700 underline">API tokens</Link>.
          Camunda routes are also served under <code>/engine-rest/engine/default/…</code>.
        </p>
      </header>
      <section aria-labelledby="operations" className="space-y-6">
        <h2 id="operations" className="text-xl font-semibold">Operations and curl examples</h2>
        {Object.entries(doc.paths).map(([path, ops]) =>
          Object.entries(ops as Record<string, Operation>).map(([method, op]) => {
            const bodyRef = op.requestBody?.content["application/json"]?.schema.$ref.split("/").pop();
            return (
              <OperationReference
                key={`${method} ${path}`}
                method={method}
                path={path}
                op={op}
                body={bodyRef ? schemas[bodyRef] : undefined}
                example={example[path]?.[method]}
              />
            );
          }),
        )}
      </section>
    </div>
  );
}
