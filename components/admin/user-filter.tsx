import Link from "next/link";
import { ROLE_LABELS, ROLES } from "@/lib/profile/schema";
import type { SortKey } from "@/lib/profile/admin";
import type { UserListParams } from "@/lib/http/search-params";
import { InputField, SelectField } from "../ui/field";

export const SORT_LABELS: Record<SortKey, string> = {
  name: "Last name", displayName: "Display name", username: "Username", email: "Email", created: "Newest first",
};

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
  return (
    <form role="search" action="/admin/users#results" className="grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]">
      <InputField name="q" label="Search" type="search" defaultValue={params.q} placeholder="Name, email or username" />
      {orgs && (
        <SelectField name="org" label="Organisation" defaultValue={params.org}>
          <option value="">All</option>
          {orgs.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </SelectField>
      )}
      <SelectField name="role" label="Role" defaultValue={params.role ?? ""}>
        <option value="">Any</option>
        {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
      </SelectField>
      <SelectField name="sort" label="Sort by" defaultValue={params.sort}>
        {Object.entries(SORT_LABELS).map(([key, label]) => <option key={key} value={key}>{label}</option>)}
      </SelectField>
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-900">Search</button>
        {filtered && <Link href="/admin/users" className="px-2 py-2 text-sm text-slate-700 underline">Clear</Link>}
      </div>
    </form>
  );
}
