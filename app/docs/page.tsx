import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { curlExamples } from "@/components/docs/curl-examples";
import { InteractiveReference } from "@/components/docs/interactive-reference";
import { OperationReference, type JsonSchema, type Operation } from "@/components/docs/operation-reference";
import { Prose } from "@/components/docs/prose";
import { openApiDocument } from "@/lib/http/openapi";
import { servedOrigin } from "@/lib/http/served-origin";

export const metadata: Metadata = { title: "API documentation" };

/**
 * The interactive reference ("try it", in the browser), then every operation rendered here on the
 * server with a curl example for the address this page was served from: the whole reference
 * without JavaScript, and nothing loaded from anywhere but this server.
 */
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
        <p className="max-w-3xl text-sm text-slate-700">
          To try a request, choose it below and authenticate with your own token: as a Bearer token for the ZITADEL routes, or as HTTP Basic
          with your username and the token as password for the Camunda routes. Requests go to {origin}.
        </p>
      </header>
      <section aria-label="Interactive API reference" className="space-y-2">
        <a href="#operations" className="sr-only focus:not-sr-only focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-indigo-700 focus:underline">
          Skip the interactive reference
        </a>
        <noscript>
          <p className="text-sm text-slate-700">
            The interactive reference needs JavaScript. Every operation is described below, each with a curl example.
          </p>
        </noscript>
        <InteractiveReference />
      </section>
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
