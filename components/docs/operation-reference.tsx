import { ScrollBox } from "@/components/ui/scroll-box";
import { CodeExample } from "./code-example";
import { Prose } from "./prose";

export type JsonSchema = { type?: string | string[]; description?: string; enum?: string[]; anyOf?: JsonSchema[]; maxLength?: number; properties?: Record<string, JsonSchema>; required?: string[] };
export type Operation = {
  summary: string; description?: string; tags: string[]; security: Record<string, unknown>[];
  parameters?: { name: string; in: string; description?: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { description: string }>;
};

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
            <td className="py-1.5 text-slate-700"><Prose text={field.description ?? ""} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const authentication = (op: Operation) =>
  Object.keys(op.security[0] ?? {}).join(", ") === "bearer" ? "Bearer token" : "HTTP Basic (username:password or username:token)";

/** One operation as readable HTML, for readers without JavaScript and for the curl example. */
export function OperationReference({ method, path, op, body, example }: { method: string; path: string; op: Operation; body?: JsonSchema; example?: string }) {
  const id = `${method}-${path}`;
  const name = `${method.toUpperCase()} ${path}`;
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">{op.tags[0]}</p>
        <h3 id={id} className="mt-1 font-mono text-base break-all">
          <span className="mr-1 rounded bg-slate-800 px-2 py-0.5 text-sm text-white">{method.toUpperCase()}</span> {path}
        </h3>
        <p className="mt-2 text-sm">{op.summary}. <Prose text={op.description ?? ""} /> Auth: {authentication(op)}.</p>
      </div>
      {op.parameters && op.parameters.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {op.parameters.map((p) => (
            <li key={p.name}><code>{p.name}</code> ({p.in}{p.required ? ", required" : ""}){p.description && <>: <Prose text={p.description} /></>}</li>
          ))}
        </ul>
      )}
      {body && (
        <div>
          <h4 className="mb-1 text-sm font-semibold">Body</h4>
          <ScrollBox label={`Body of ${name}`}>
            <Fields schema={body} />
          </ScrollBox>
        </div>
      )}
      <div>
        <h4 className="mb-1 text-sm font-semibold">Responses</h4>
        <ul className="space-y-1 text-sm">
          {Object.entries(op.responses).map(([status, r]) => (
            <li key={status}><code className="font-semibold">{status}</code> <Prose text={r.description} /></li>
          ))}
        </ul>
      </div>
      {example && (
        <div>
          <h4 className="mb-1 text-sm font-semibold">Example</h4>
          <CodeExample operation={name} code={example} />
        </div>
      )}
    </section>
  );
}
