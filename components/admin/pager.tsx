import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

interface Props {
  page: number;
  pageCount: number;
  /** The URL of page `n`. */
  href: (page: number) => string;
}

/**
 * First / previous / next / last, with the position in between. The arrows are guillemets, which
 * mirror by themselves in right-to-left text; screen readers get the words alone.
 */
export function Pager({ page, pageCount, href }: Props) {
  const [t, format] = [useTranslations("admin.pager"), useFormatter()];
  if (pageCount <= 1) return null;
  const position = t("position", { page: format.number(page), pages: format.number(pageCount) });
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <div className="flex gap-2">
        <PageLink href={href(1)} disabled={page === 1}><Arrow>«</Arrow> {t("first")}</PageLink>
        <PageLink href={href(page - 1)} disabled={page === 1} rel="prev"><Arrow>‹</Arrow> {t("previous")}</PageLink>
      </div>
      <span className="text-slate-600">{position}</span>
      <div className="flex gap-2">
        <PageLink href={href(page + 1)} disabled={page === pageCount} rel="next">{t("next")} <Arrow>›</Arrow></PageLink>
        <PageLink href={href(pageCount)} disabled={page === pageCount}>{t("last")} <Arrow>»</Arrow></PageLink>
      </div>
    </nav>
  );
}

const Arrow = ({ children }: { children: string }) => <span aria-hidden>{children}</span>;

function PageLink({ href, disabled, rel, children }: { href: string; disabled: boolean; rel?: string; children: React.ReactNode }) {
  const className = "rounded-md border px-3 py-1.5";
  if (disabled) return <span aria-disabled className={`${className} border-slate-200 text-slate-500`}>{children}</span>;
  return <Link href={href} rel={rel} className={`${className} border-slate-400 bg-white text-slate-800 hover:bg-slate-100`}>{children}</Link>;
}
