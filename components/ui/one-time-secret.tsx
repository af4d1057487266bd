"use client";

import { useTranslations } from "next-intl";
import { useCopy } from "./use-copy";

/** A password or token shown once: selectable as a whole, with a Copy button that says when it worked. */
export function OneTimeSecret({ label, value }: { label: string; value: string }) {
  const t = useTranslations("common");
  const [copied, copy] = useCopy(value);
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <div className="flex flex-wrap items-center gap-2">
        {/* A secret reads left to right in every language. */}
        <output aria-label={label} dir="ltr" className="min-w-0 flex-1 rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-sm break-all select-all">
          {value}
        </output>
        <button type="button" onClick={copy} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
          {t("copy")}
        </button>
      </div>
      <p role="status" className="text-xs text-slate-600">
        {copied === "copied" ? t("copied") : copied === "failed" ? t("copyFailed") : t("shownOnce")}
      </p>
    </div>
  );
}
