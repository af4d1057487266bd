import { CopyButton } from "@/components/ui/copy-button";

/**
 * A command to paste, with a Copy button. It scrolls sideways on a narrow screen, so it takes focus
 * (arrow keys scroll it) and is a named region that says which operation it is for.
 */
export function CodeExample({ operation, code }: { operation: string; code: string }) {
  return (
    <div className="space-y-2">
      <pre
        tabIndex={0}
        role="region"
        aria-label={`Example: ${operation}`}
        className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        <code>{code}</code>
      </pre>
      <CopyButton value={code} what={`example: ${operation}`} />
    </div>
  );
}
