import { useFormatter, useTranslations } from "next-intl";
import { ScrollBox } from "@/components/ui/scroll-box";
import { MAX_BODY_BYTES } from "@/lib/http/api";
import { CodeExample } from "./code-example";
import { Prose } from "./prose";

export type JsonSchema = { type?: string | string[]; description?: string; enum?: string[]; anyOf?: JsonSchema[]; maxLength?: number; properties?: Record<string, JsonSchema>; required?: string[] };
export type Operation = {
  operationId: string; summary: string; description?: string; tags: string[]; security: Record<string, unknown>[];
  parameters?: { name: string; in: string; description?: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { description: string }>;
};

/**
 * The words of the OpenAPI document in the reader's language: the "docs" catalogue's entry for
 * them when it has one, else the document's own English (the API itself, /api/openapi.json, stays
 * English). The first key the catalogue has wins.
 */
function useDescribed() {
  const [t, format] = [useTranslations("docs"), useFormatter()];
  const values = { kb: format.number(MAX_BODY_BYTES / 1024) };
  return (keys: string[], english: string) => {
    const key = keys.find((k) => t.has(k));
    return key ? t(key, values) : english;
  };
}

/** "If-Match" → "ifMatch", "x-zitadel-orgid" → "xZitadelOrgid": a parameter's catalogue key. */
const keyOf = (name: string) => name.replace(/-+(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toLowerCase());

function Fields({ schema }: { schema: JsonSchema }) {
  const [t, format, described] = [useTranslations("docs.reference"), useFormatter(), useDescribed()];
  const typeOf = (s: JsonSchema): string => {
    if (s.enum) return s.enum.join(" | ");
    if (s.anyOf) return format.list(s.anyOf.map(typeOf), { type: "disjunction" });
    return Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  };
  return (
    <table className="w-full text-start text-sm">
      <thead className="text-slate-700">
        <tr className="border-b border-slate-200">
          <th scope="col" className="py-1.5 pe-3 font-medium">{t("field")}</th>
          <th scope="col" className="py-1.5 pe-3 font-medium">{t("type")}</th>
          <th scope="col" className="py-1.5 font-medium">{t("rules")}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(schema.properties ?? {}).map(([name, field]) => (
          <tr key={name} className="border-b border-slate-100 align-top">
            <td className="py-1.5 pe-3 font-mono">
              <bdi>{name}</bdi>
              {schema.required?.includes(name) && <span className="text-red-700" title={t("required")}> *</span>}
            </td>
            <td dir="ltr" className="py-1.5 pe-3 text-start font-mono text-xs break-all">{typeOf(field)}</td>
            <td className="py-1.5 text-slate-700"><Prose text={described([`bodyFields.${name}`], field.description ?? "")} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One operation as readable HTML, for readers without JavaScript and for the curl example. */
export function OperationReference({ method, path, op, body, example }: { method: string; path: string; op: Operation; body?: JsonSchema; example?: string }) {
  const [t, described] = [useTranslations("docs.reference"), useDescribed()];
  const id = `${method}-${path}`;
  const name = `${method.toUpperCase()} ${path}`;
  const scheme = Object.keys(op.security[0] ?? {}).join(", ") === "bearer" ? "bearer" : "basic";
  const family = scheme === "bearer" ? "zitadel" : "camunda";
  const operation = `operations.${op.operationId}`;
  const description = described([`${operation}.description`], op.description ?? "");
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">{op.tags[0]}</p>
        <h3 id={id} className="mt-1 font-mono text-base break-all">
          <span className="me-1 rounded bg-slate-800 px-2 py-0.5 text-sm text-white">{method.toUpperCase()}</span> <bdi dir="ltr">{path}</bdi>
        </h3>
        <p className="mt-2 text-sm">
          {t.rich("operation", {
            summary: described([`${operation}.summary`], op.summary),
            description: () => <Prose text={description} />,
            authentication: t(`authentication.${scheme}`),
          })}
        </p>
      </div>
      {op.parameters && op.parameters.length > 0 && (
        <ul className="list-disc space-y-1 ps-5 text-sm">
          {op.parameters.map((p) => (
            <li key={p.name}>
              {t.rich("parameter", {
                name: () => <code dir="ltr">{p.name}</code>,
                location: p.in,
                required: p.required ? "yes" : "no",
                described: p.description ? "yes" : "no",
                description: () => <Prose text={described([`parameters.${keyOf(p.name)}`], p.description ?? "")} />,
              })}
            </li>
          ))}
        </ul>
      )}
      {body && (
        <div>
          <h4 className="mb-1 text-sm font-semibold">{t("body")}</h4>
          <ScrollBox label={t("bodyOf", { operation: name })}>
            <Fields schema={body} />
          </ScrollBox>
        </div>
      )}
      <div>
        <h4 className="mb-1 text-sm font-semibold">{t("responses")}</h4>
        <ul className="space-y-1 text-sm">
          {Object.entries(op.responses).map(([status, r]) => (
            <li key={status}>
              <code className="font-semibold">{status}</code>{" "}
              <Prose text={described([`${operation}.responses.http${status}`, `errors.${family}.http${status}`], r.description)} />
            </li>
          ))}
        </ul>
      </div>
      {example && (
        <div>
          <h4 className="mb-1 text-sm font-semibold">{t("example")}</h4>
          <CodeExample operation={name} code={example} />
        </div>
      )}
    </section>
  );
}
