import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/create-user-form";
import { Alert } from "@/components/ui/alert";
import { requireAdmin } from "@/lib/auth/session";
import { grantableRoles } from "@/lib/profile/access";
import { listOrganizations } from "@/lib/profile/admin";
import { isReadOnly } from "@/lib/profile/service";
import { createUserAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.create");
  return { title: t("title") };
}

export default async function NewUserPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const admin = await requireAdmin("/admin/users/new");
  const [orgs, t] = await Promise.all([listOrganizations(admin), getTranslations("admin.create")]);
  const { after } = await searchParams; // "Create another": a fresh form
  return (
    <div className="space-y-6">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/admin/users" className="text-indigo-700 underline hover:no-underline">{t("users")}</Link>
        <span className="mx-2 text-slate-400" aria-hidden>/</span>
        <span className="text-slate-600">{t("new")}</span>
      </nav>
      <section className="max-w-3xl rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="mb-6 text-xl font-semibold">{t("title")}</h1>
        {isReadOnly() ? (
          <Alert tone="info">{t("readOnly")}</Alert>
        ) : (
          <CreateUserForm key={after ?? "new"} action={createUserAction} roles={grantableRoles(admin.role)} orgs={orgs} />
        )}
      </section>
    </div>
  );
}
