import Link from "next/link";

interface Props {
  page: number;
  pageCount: number;
  /** The URL of page `n`. */
  href: (page: number) => string;
}

/** First / previous / next / last, with the position in between. */
export function Pager({ page, pageCount, href }: Props) {
  if (pageCount <= 1) return null;
  const position = `Page ${page} of ${pageCount.toLocaleString("en")}`;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <div className="flex gap-2">
        <PageLink href={href(1)} disabled={page === 1}>« First</PageLink>
        <PageLink href={href(page - 1)} disabled={page === 1} rel="prev">‹ Previous</PageLink>
      </div>
      <span className="text-slate-600">{position}</span>
      <div className="flex gap-2">
        <PageLink href={href(page + 1)} disabled={page === pageCount} rel="next">Next ›</PageLink>
        <PageLink href={href(pageCount)} disabled={page === pageCount}>Last »</PageLink>
      </div>
    </nav>
  );
}

function PageLink({ href, disabled, rel, children }: { href: string; disabled: boolean; rel?: string; children: React.ReactNode }) {
  const className = "rounded-md border px-3 py-1.5";
  if (disabled) return <span aria-disabled className={`${className} border-slate-200 text-slate-500`}>{children}</span>;
  return <Link href={href} rel={rel} className={`${className} border-slate-400 bg-white text-slate-800 hover:bg-slate-100`}>{children}</Link>;
}
