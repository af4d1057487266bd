import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto mt-8 max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      {/* Shown in place of the page, whose own title would say it opened. */}
      <title>No access · Profiles</title>
      <p className="text-sm font-semibold text-indigo-700">403</p>
      <h1 className="mt-1 text-xl font-semibold">You don’t have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">It is for administrators. If you think you should have access, ask an administrator of your organisation.</p>
      <Link href="/profile" className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
        Go to my profile
      </Link>
    </div>
  );
}
