"use client";

import { useTranslations } from "next-intl";
import { useCopy } from "./use-copy";

/**
 * A Copy button for a text shown beside it, with a status line that says when it worked.
 * `what` completes the button's name for screen readers ("Copy example: GET /…"), since a page
 * may have many; it comes in the reader's language from the caller.
 */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const t = useTranslations("common");
  const [state, copy] = useCopy(value);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={copy} className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100">
        {t.rich("copyWhat", { what, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
      </button>
      <span role="status" className="text-xs text-slate-600">
        {state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : ""}
      </span>
    </div>
  );
}
