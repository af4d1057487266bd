import Link from "next/link";
import { useTranslations } from "next-intl";
import type { UserRow } from "@/lib/profile/admin";
import { Time } from "../ui/time";
import { ScrollBox } from "../ui/scroll-box";

/** One page of users; narrow screens drop the less important columns. */
export function UserTable({ rows, caption, showOrg }: { rows: UserRow[]; caption: string; showOrg: boolean }) {
  const [t, fields] = [useTranslations("admin.table"), useTranslations("fields")];
  return (
    <ScrollBox label={t("label")} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-start text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">{t("name")}</th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">{fields("email")}</th>
            <th scope="col" className="px-4 py-2.5 font-medium">{fields("role")}</th>
            {showOrg && <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">{fields("organisation")}</th>}
            <th scope="col" className="hidden px-4 py-2.5 font-medium lg:table-cell">{t("lastChange")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <td className="max-w-[18rem] px-4 py-2.5">
                <Link href={`/admin/users/${row.id}`} dir="auto" className="block truncate font-medium text-indigo-700 hover:underline">{row.displayName}</Link>
                <span dir="auto" className="block truncate text-xs text-slate-600">{row.username}</span>
              </td>
              <td className="hidden max-w-[16rem] truncate px-4 py-2.5 text-slate-700 md:table-cell">
                {row.email ? <bdi>{row.email}</bdi> : "—"}
              </td>
              <td className="px-4 py-2.5 whitespace-nowrap">{fields(`roles.${row.role}`)}</td>
              {showOrg && <td className="hidden px-4 py-2.5 whitespace-nowrap sm:table-cell"><bdi>{row.org.name}</bdi></td>}
              <td className="hidden px-4 py-2.5 whitespace-nowrap text-slate-600 lg:table-cell"><Time value={row.updatedAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
