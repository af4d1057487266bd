import Link from "next/link";
import { useTranslations } from "next-intl";

interface Props {
  /** Where each link leads; null where there is nothing that way (this is the first or the last page). */
  first: string | null;
  previous: string | null;
  next: string | null;
  last: string | null;
}

/**
 * First / previous / next / last, with the position in between: the list pages by cursors, so it
 * knows whether this is the first page, the last, or one in between, but not its number. The
 * arrows are guillemets, which mirror by themselves in right-to-left text; screen readers get the
 * words alone.
 */
export function Pager({ first, previous, next, last }: Props) {
  const t = useTranslations("admin.pager");
  if (!previous && !next) return null;
  const position = t("position", { position: !previous ? "first" : !next ? "last" : "between" });
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <div className="flex gap-2">
        <PageLink href={first}><Arrow>«</Arrow> {t("first")}</PageLink>
        <PageLink href={previous} rel="prev"><Arrow>‹</Arrow> {t("previous")}</PageLink>
      </div>
      <span className="text-slate-600">{position}</span>
      <div className="flex gap-2">
        <PageLink href={next} rel="next">{t("next")} <Arrow>›</Arrow></PageLink>
        <PageLink href={last}>{t("last")} <Arrow>»</Arrow></PageLink>
      </div>
    </nav>
  );
}

const Arrow = ({ children }: { children: string }) => <span aria-hidden>{children}</span>;

function PageLink({ href, rel, children }: { href: string | null; rel?: string; children: React.ReactNode }) {
  const className = "rounded-md border px-3 py-1.5";
  if (!href) return <span aria-disabled className={`${className} border-slate-200 text-slate-500`}>{children}</span>;
  return <Link href={href} rel={rel} className={`${className} border-slate-400 bg-white text-slate-800 hover:bg-slate-100`}>{children}</Link>;
}
