import Link from "next/link";
import { useTranslations } from "next-intl";
import { ROLES } from "@/lib/profile/schema";
import type { SortKey } from "@/lib/profile/admin";
import type { UserListParams } from "@/lib/http/search-params";
import { InputField, SelectField } from "../ui/field";

/** The list's orders, as the menu offers them (their names: admin.filter.sort.*). */
const SORT_ORDER = { name: true, displayName: true, username: true, email: true, created: true } satisfies Record<SortKey, true>;
const SORT_KEYS = Object.keys(SORT_ORDER) as SortKey[];

interface Props {
  params: UserListParams;
  /** Offered to ADMINs only; an ORG_ADMIN sees their own organisation. */
  orgs?: { id: string; name: string }[];
  filtered: boolean;
}

/**
 * Search, filters and sort of the admin user list: a plain GET form, so the URL holds it all. It
 * lands on #results, so the next Tab goes to the first result, not back through the filters.
 */
export function UserFilter({ params, orgs, filtered }: Props) {
  const [t, fields] = [useTranslations("admin.filter"), useTranslations("fields")];
  return (
    <form role="search" action="/admin/users#results" className="grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]">
      <InputField name="q" label={t("search")} type="search" defaultValue={params.q} placeholder={t("searchPlaceholder")} />
      {orgs && (
        <SelectField name="org" label={fields("organisation")} defaultValue={params.org}>
          <option value="">{t("allOrganisations")}</option>
          {orgs.map((o) => <option key={o.id} value={o.id} dir="auto">{o.name}</option>)}
        </SelectField>
      )}
      <SelectField name="role" label={fields("role")} defaultValue={params.role ?? ""}>
        <option value="">{t("anyRole")}</option>
        {ROLES.map((r) => <option key={r} value={r}>{fields(`roles.${r}`)}</option>)}
      </SelectField>
      <SelectField name="sort" label={t("sortBy")} defaultValue={params.sort}>
        {SORT_KEYS.map((key) => <option key={key} value={key}>{t(`sort.${key}`)}</option>)}
      </SelectField>
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-900">{t("submit")}</button>
        {filtered && <Link href="/admin/users" className="px-2 py-2 text-sm text-slate-700 underline">{t("clear")}</Link>}
      </div>
    </form>
  );
}
