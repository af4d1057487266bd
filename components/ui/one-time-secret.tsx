"use client";

import { COPY_FAILED, useCopy } from "./use-copy";

/** A password or token shown once: selectable as a whole, with a Copy button that says when it worked. */
export function OneTimeSecret({ label, value }: { label: string; value: string }) {
  const [copied, copy] = useCopy(value);
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <div className="flex flex-wrap items-center gap-2">
        <output aria-label={label} className="min-w-0 flex-1 rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-sm break-all select-all">
          {value}
        </output>
        <button type="button" onClick={copy} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
          Copy
        </button>
      </div>
      <p role="status" className="text-xs text-slate-600">
        {copied === "copied" ? "Copied." : copied === "failed" ? COPY_FAILED : "Shown only now: copy it before you leave this page."}
      </p>
    </div>
  );
}
