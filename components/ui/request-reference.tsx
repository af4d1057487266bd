"use client";

import { useSyncExternalStore } from "react";

const noChanges = () => () => {};
const readRequestId = () => document.querySelector<HTMLMetaElement>('meta[name="request-id"]')?.content || null;

/**
 * What support needs to find a failure in the logs: the request id of the page (set by the layout
 * from x-request-id, the id every access-log line carries) and the error's digest.
 */
export function RequestReference({ digest }: { digest?: string }) {
  const requestId = useSyncExternalStore(noChanges, readRequestId, () => null);
  if (!requestId && !digest) return null;
  return (
    <p className="mt-2 text-xs text-slate-600">
      {requestId && <>Request id: <code className="select-all">{requestId}</code></>}
      {requestId && digest && " · "}
      {digest && <>Reference: <code className="select-all">{digest}</code></>}
    </p>
  );
}
