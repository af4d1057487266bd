"use client";

import { RequestReference } from "@/components/ui/request-reference";
import "./globals.css";

/** When even the layout failed (the database away while reading the signed-in user). */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900">
        <title>Unavailable · Profiles</title>
        <main className="mx-auto mt-16 max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
          <h1 className="text-xl font-semibold">Profiles is unavailable right now</h1>
          <p className="mt-2 text-sm text-slate-700">Nothing you saved is lost. Try again in a moment.</p>
          <RequestReference digest={error.digest} />
          <button type="button" onClick={reset} className="mt-6 rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
