import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { curlExamples } from "@/components/docs/curl-examples";
import { InteractiveReference } from "@/components/docs/interactive-reference";
import { OperationReference, type JsonSchema, type Operation } from "@/components/docs/operation-reference";
import { Prose } from "@/components/docs/prose";
import { openApiDocument } from "@/lib/http/openapi";
import { servedOrigin } from "@/lib/http/served-origin";

/** The OpenAPI document's address, shown as it is in every language. */
const DOCUMENT_PATH = "/api/openapi.json";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("docs");
  return { title: t("title") };
}

/**
 * The interactive reference ("try it", in the browser), then every operation rendered here on the
 * server with a curl example for the address this page was served from: the whole reference
 * without JavaScript, and nothing loaded from anywhere but this server. The page's words are the
 * reader's language (the "docs" catalogue); the OpenAPI document and the interactive reference,
 * which shows it, stay English, as the API does.
 */
export default async function DocsPage() {
  const [request, t] = await Promise.all([headers(), getTranslations("docs")]);
  const origin = servedOrigin(request);
  const doc = openApiDocument(origin);
  const example = curlExamples(origin);
  const schemas = doc.components.schemas as Record<string, JsonSchema>;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-700"><Prose text={t("intro")} /></p>
        <p className="text-sm">
          {t.rich("machineReadable", {
            document: () => <a href={DOCUMENT_PATH} dir="ltr" className="text-indigo-700 underline">{DOCUMENT_PATH}</a>,
            tokens: (chunks) => <Link href="/settings/tokens" className="text-indigo-700 underline">{chunks}</Link>,
            enginePath: () => <code dir="ltr">/engine-rest/engine/default/…</code>,
          })}
        </p>
        <p className="max-w-3xl text-sm text-slate-700">
          {t.rich("tryIt", { origin: () => <bdi dir="ltr">{origin}</bdi> })}
        </p>
      </header>
      <section aria-label={t("interactive.label")} className="space-y-2">
        <a href="#operations" className="sr-only focus:not-sr-only focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-indigo-700 focus:underline">
          {t("interactive.skip")}
        </a>
        <noscript>
          <p className="text-sm text-slate-700">{t("interactive.noScript")}</p>
        </noscript>
        <InteractiveReference />
      </section>
      <section aria-labelledby="operations" className="space-y-6">
        <h2 id="operations" className="text-xl font-semibold">{t("operationsTitle")}</h2>
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
