import Link from "next/link";
import { useTranslations } from "next-intl";

export default function Forbidden() {
  const t = useTranslations("common");
  return (
    <div className="mx-auto mt-8 max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      {/* Shown in place of the page, whose own title would say it opened. */}
      <title>{t("documentTitle", { page: t("forbidden.title"), product: t("product") })}</title>
      <p className="text-sm font-semibold text-indigo-700">403</p>
      <h1 className="mt-1 text-xl font-semibold">{t("forbidden.heading")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("forbidden.body")}</p>
      <Link href="/profile" className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
        {t("forbidden.home")}
      </Link>
    </div>
  );
}
