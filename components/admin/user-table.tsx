import Link from "next/link";
import type { UserRow } from "@/lib/profile/admin";
import { ROLE_LABELS } from "@/lib/profile/schema";
import { Time } from "../ui/time";
import { ScrollBox } from "../ui/scroll-box";

/** One page of users; narrow screens drop the less important columns. */
export function UserTable({ rows, caption, showOrg }: { rows: UserRow[]; caption: string; showOrg: boolean }) {
  return (
    <ScrollBox label="User list" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">Name</th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">Email</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Role</th>
            {showOrg && <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">Organisation</th>}
            <th scope="col" className="hidden px-4 py-2.5 font-medium lg:table-cell">Last change</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <td className="max-w-[18rem] px-4 py-2.5">
                <Link href={`/admin/users/${row.id}`} dir="auto" className="block truncate font-medium text-indigo-700 hover:underline">{row.displayName}</Link>
                <span className="block truncate text-xs text-slate-600">{row.username}</span>
              </td>
              <td className="hidden max-w-[16rem] truncate px-4 py-2.5 text-slate-700 md:table-cell">{row.email ?? "—"}</td>
              <td className="px-4 py-2.5 whitespace-nowrap">{ROLE_LABELS[row.role]}</td>
              {showOrg && <td className="hidden px-4 py-2.5 whitespace-nowrap sm:table-cell">{row.org.name}</td>}
              <td className="hidden px-4 py-2.5 whitespace-nowrap text-slate-600 lg:table-cell"><Time value={row.updatedAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
