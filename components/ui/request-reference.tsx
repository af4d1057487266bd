"use client";

import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";

const noChanges = () => () => {};
const readRequestId = () => document.querySelector<HTMLMetaElement>('meta[name="request-id"]')?.content || null;
const code = (chunks: React.ReactNode) => <code dir="ltr" className="select-all">{chunks}</code>;

/**
 * What support needs to find a failure in the logs: the request id of the page (set by the layout
 * from x-request-id, the id every access-log line carries) and the error's digest.
 */
export function RequestReference({ digest }: { digest?: string }) {
  const t = useTranslations("common");
  const requestId = useSyncExternalStore(noChanges, readRequestId, () => null);
  if (!requestId && !digest) return null;
  return (
    <p className="mt-2 text-xs text-slate-600">
      {requestId && t.rich("requestId", { id: requestId, code })}
      {requestId && digest && " · "}
      {digest && t.rich("errorDigest", { digest, code })}
    </p>
  );
}
