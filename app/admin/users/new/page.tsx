import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/create-user-form";
import { Alert } from "@/components/ui/alert";
import { requireAdmin } from "@/lib/auth/session";
import { READ_ONLY_NOTICE } from "@/lib/http/form-state";
import { grantableRoles } from "@/lib/profile/access";
import { listOrganizations } from "@/lib/profile/admin";
import { isReadOnly } from "@/lib/profile/service";
import { createUserAction } from "./actions";

export const metadata: Metadata = { title: "Create user" };

export default async function NewUserPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const admin = await requireAdmin("/admin/users/new");
  const orgs = await listOrganizations(admin);
  const { after } = await searchParams; // "Create another": a fresh form
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/users" className="text-indigo-700 underline hover:no-underline">Users</Link>
        <span className="mx-2 text-slate-400" aria-hidden>/</span>
        <span className="text-slate-600">New</span>
      </nav>
      <section className="max-w-3xl rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="mb-6 text-xl font-semibold">Create user</h1>
        {isReadOnly() ? (
          <Alert tone="info">{READ_ONLY_NOTICE} Users cannot be created.</Alert>
        ) : (
          <CreateUserForm key={after ?? "new"} action={createUserAction} roles={grantableRoles(admin.role)} orgs={orgs} />
        )}
      </section>
    </div>
  );
}
