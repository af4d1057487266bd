"use client";

import { COPY_FAILED, useCopy } from "./use-copy";

/**
 * A Copy button for a text shown beside it, with a status line that says when it worked.
 * `what` completes the button's name for screen readers ("Copy example: GET /…"), since a page
 * may have many.
 */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const [state, copy] = useCopy(value);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={copy} className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100">
        Copy<span className="sr-only"> {what}</span>
      </button>
      <span role="status" className="text-xs text-slate-600">
        {state === "copied" ? "Copied." : state === "failed" ? COPY_FAILED : ""}
      </span>
    </div>
  );
}
