"use client";

import { RequestReference } from "@/components/ui/request-reference";

/** Any page that failed (the database away, a bug): say so plainly and offer to try again. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto mt-8 max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <title>Something went wrong · Profiles</title>
      <h1 className="text-xl font-semibold">This page could not be shown</h1>
      <p className="mt-2 text-sm text-slate-700">
        Something on our side is not answering right now. Nothing you saved is lost. Try again in a moment.
      </p>
      <RequestReference digest={error.digest} />
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
        Try again
      </button>
    </div>
  );
}
