import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/admin/pager";
import { SORT_LABELS, UserFilter } from "@/components/admin/user-filter";
import { UserTable } from "@/components/admin/user-table";
import { requireAdmin } from "@/lib/auth/session";
import { parseUserListParams, userListHref } from "@/lib/http/search-params";
import { listOrganizations, searchUsers } from "@/lib/profile/admin";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireAdmin("/admin/users");
  const params = parseUserListParams(await searchParams);
  const [orgs, result] = await Promise.all([
    listOrganizations(user),
    searchUsers(user, { q: params.q, orgId: params.org || undefined, role: params.role, sort: params.sort, page: params.page }),
  ]);
  const filtered = Boolean(params.q || params.org || params.role);
  const isAdmin = user.role === "ADMIN";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Users</h1>
          <p className="mt-1 text-sm text-slate-600">
            {isAdmin ? "Everyone in every organisation." : `Everyone in ${orgs[0]?.name ?? "your organisation"}.`}
          </p>
        </div>
        <Link href="/admin/users/new" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700">
          Create user
        </Link>
      </div>

      <UserFilter params={params} orgs={isAdmin ? orgs : undefined} filtered={filtered} />

      <p id="results" tabIndex={-1} className="text-sm text-slate-600" aria-live="polite">
        {result.total === 0
          ? "No users found."
          : `${result.total.toLocaleString("en")} user${result.total === 1 ? "" : "s"} · page ${result.page} of ${result.pageCount.toLocaleString("en")}`}
      </p>

      {result.total === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium">{filtered ? "No users match this search." : "There are no users yet."}</p>
          <p className="mt-1 text-sm text-slate-600">
            {filtered ? "Try fewer or shorter words, or another filter." : "Create the first one."}
          </p>
        </div>
      ) : (
        <UserTable rows={result.rows} caption={`Users, sorted by ${SORT_LABELS[params.sort].toLowerCase()}`} showOrg={isAdmin} />
      )}

      <Pager page={result.page} pageCount={result.pageCount} href={(page) => `${userListHref(params, { page })}#results`} />
    </div>
  );
}
