import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/admin/pager";
import { UserFilter } from "@/components/admin/user-filter";
import { UserTable } from "@/components/admin/user-table";
import { Alert } from "@/components/ui/alert";
import { requireAdmin } from "@/lib/auth/session";
import { parseUserListParams, userListHref, type UserListPage } from "@/lib/http/search-params";
import { listOrganizations, searchUsers } from "@/lib/profile/admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.list");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireAdmin("/admin/users");
  const params = parseUserListParams(await searchParams);
  const [orgs, result, t] = await Promise.all([
    listOrganizations(user),
    searchUsers(user, {
      q: params.q, orgId: params.org || undefined, role: params.role, sort: params.sort,
      after: params.after || undefined, before: params.before || undefined, last: params.last,
    }),
    getTranslations("admin.list"),
  ]);
  const none = result.total.kind === "exact" && result.total.count === 0;
  const at = (page: UserListPage) => `${userListHref(params, page)}#results`;
  const filtered = Boolean(params.q || params.org || params.role);
  const isAdmin = user.role === "ADMIN";
  const ownOrg = orgs[0]?.name;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {isAdmin
              ? t("everyone")
              : ownOrg
                ? t.rich("everyoneInOrg", { org: () => <bdi>{ownOrg}</bdi> })
                : t("everyoneInYourOrg")}
          </p>
        </div>
        <Link href="/admin/users/new" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700">
          {t("create")}
        </Link>
      </div>

      <UserFilter params={params} orgs={isAdmin ? orgs : undefined} filtered={filtered} />

      {result.invalidCursor && <Alert tone="warning">{t("badCursor")}</Alert>}

      <p id="results" tabIndex={-1} className="text-sm text-slate-600" aria-live="polite">
        {none ? t("noneFound") : t("summary", { kind: result.total.kind, total: result.total.count })}
      </p>

      {none ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium">{filtered ? t("noMatch") : t("empty")}</p>
          <p className="mt-1 text-sm text-slate-600">{filtered ? t("noMatchHint") : t("emptyHint")}</p>
        </div>
      ) : (
        <UserTable rows={result.rows} caption={t("caption", { sort: params.sort })} showOrg={isAdmin} />
      )}

      <Pager
        first={result.atStart ? null : at("first")}
        previous={result.before ? at({ before: result.before }) : null}
        next={result.after ? at({ after: result.after }) : null}
        last={result.atEnd ? null : at({ last: true })}
      />
    </div>
  );
}
