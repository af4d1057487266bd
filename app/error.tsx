"use client";

import { useTranslations } from "next-intl";
import { RequestReference } from "@/components/ui/request-reference";

/** Any page that failed (the database away, a bug): say so plainly and offer to try again. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <div className="mx-auto mt-8 max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <title>{t("documentTitle", { page: t("failed.title"), product: t("product") })}</title>
      <h1 className="text-xl font-semibold">{t("failed.heading")}</h1>
      <p className="mt-2 text-sm text-slate-700">{t("failed.body")}</p>
      <RequestReference digest={error.digest} />
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
        {t("failed.retry")}
      </button>
    </div>
  );
}
