import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { listOrganizations, searchUsers, SORTS, type SortKey } from "@/lib/profile/admin";
import { ROLE_LABELS, ROLE_VALUES } from "@/lib/profile/schema";
import type { Role } from "@/lib/profile/types";
import { inputClass } from "@/components/ui/field";

export const metadata: Metadata = { title: "Users" };

type Params = { q?: string; org?: string; role?: string; sort?: string; page?: string };

const SORT_LABELS: Record<SortKey, string> = {
  name: "Last name", displayName: "Display name", username: "Username", email: "Email", created: "Newest first",
};
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function UsersPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireAdmin("/admin/users");
  const params = await searchParams;
  const q = (params.q ?? "").slice(0, 200);
  const role = ROLE_VALUES.includes(params.role as Role) ? (params.role as Role) : undefined;
  const sort = params.sort && params.sort in SORTS ? (params.sort as SortKey) : "name";
  const [orgs, result] = await Promise.all([
    listOrganizations(user),
    searchUsers(user, { q, orgId: params.org || undefined, role, sort, page: Number(params.page) || 1 }),
  ]);
  const link = (page: number) => {
    const next = new URLSearchParams({ ...(q && { q }), ...(params.org && { org: params.org }), ...(role && { role }), ...(sort !== "name" && { sort }), page: String(page) });
    return `/admin/users?${next}`;
  };
  const filtered = Boolean(q || params.org || role);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Users</h1>
          <p className="mt-1 text-sm text-slate-600">
            {user.role === "ADMIN" ? "Everyone in every organisation." : `Everyone in ${orgs[0]?.name ?? "your organisation"}.`}
          </p>
        </div>
        <Link href="/admin/users/new" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700">
          Create user
        </Link>
      </div>

      <form role="search" action="/admin/users" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]">
        <div>
          <label htmlFor="q" className="mb-1 block text-sm font-medium">Search</label>
          <input id="q" name="q" type="search" defaultValue={q} placeholder="Name, email or username" className={inputClass(false)} />
        </div>
        {user.role === "ADMIN" && (
          <div>
            <label htmlFor="org" className="mb-1 block text-sm font-medium">Organisation</label>
            <select id="org" name="org" defaultValue={params.org ?? ""} className={inputClass(false)}>
              <option value="">All</option>
              {orgs.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="role" className="mb-1 block text-sm font-medium">Role</label>
          <select id="role" name="role" defaultValue={role ?? ""} className={inputClass(false)}>
            <option value="">Any</option>
            {ROLE_VALUES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="mb-1 block text-sm font-medium">Sort by</label>
          <select id="sort" name="sort" defaultValue={sort} className={inputClass(false)}>
            {Object.entries(SORT_LABELS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </select>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-900">Search</button>
          {filtered && <Link href="/admin/users" className="px-2 py-2 text-sm text-slate-700 underline">Clear</Link>}
        </div>
      </form>

      <p className="text-sm text-slate-600" aria-live="polite">
        {result.total === 0 ? "No users found." : `${result.total.toLocaleString("en")} user${result.total === 1 ? "" : "s"} · page ${result.page} of ${result.pageCount.toLocaleString("en")}`}
      </p>

      {result.total === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium">{filtered ? "No users match this search." : "There are no users yet."}</p>
          <p className="mt-1 text-sm text-slate-600">
            {filtered ? "Try fewer or shorter words, or another filter." : "Create the first one."}
          </p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Users, sorted by {SORT_LABELS[sort].toLowerCase()}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">Name</th>
                <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">Email</th>
                <th scope="col" className="px-4 py-2.5 font-medium">Role</th>
                {user.role === "ADMIN" && <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">Organisation</th>}
                <th scope="col" className="hidden px-4 py-2.5 font-medium lg:table-cell">Last change</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  <td className="max-w-[18rem] px-4 py-2.5">
                    <Link href={`/admin/users/${row.id}`} className="block truncate font-medium text-indigo-700 hover:underline">{row.displayName}</Link>
                    <span className="block truncate text-xs text-slate-600">{row.username}</span>
                  </td>
                  <td className="hidden max-w-[16rem] truncate px-4 py-2.5 text-slate-700 md:table-cell">{row.email ?? "—"}</td>
                  <td className="px-4 py-2.5 whitespace-nowrap">{ROLE_LABELS[row.role]}</td>
                  {user.role === "ADMIN" && <td className="hidden px-4 py-2.5 whitespace-nowrap sm:table-cell">{row.org.name}</td>}
                  <td className="hidden px-4 py-2.5 whitespace-nowrap text-slate-600 lg:table-cell">{dateFormat.format(row.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {result.pageCount > 1 && (
        <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
          <div className="flex gap-2">
            <PageLink href={link(1)} disabled={result.page === 1}>« First</PageLink>
            <PageLink href={link(result.page - 1)} disabled={result.page === 1} rel="prev">‹ Previous</PageLink>
          </div>
          <span className="text-slate-600">Page {result.page} of {result.pageCount.toLocaleString("en")}</span>
          <div className="flex gap-2">
            <PageLink href={link(result.page + 1)} disabled={result.page === result.pageCount} rel="next">Next ›</PageLink>
            <PageLink href={link(result.pageCount)} disabled={result.page === result.pageCount}>Last »</PageLink>
          </div>
        </nav>
      )}
    </div>
  );
}

function PageLink({ href, disabled, rel, children }: { href: string; disabled: boolean; rel?: string; children: React.ReactNode }) {
  const className = "rounded-md border px-3 py-1.5";
  if (disabled) return <span aria-disabled className={`${className} border-slate-200 text-slate-500`}>{children}</span>;
  return <Link href={href} rel={rel} className={`${className} border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}>{children}</Link>;
}
