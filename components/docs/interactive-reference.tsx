"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { mountScalar } from "./scalar";
import "./scalar.css";

/**
 * The interactive reference (Scalar), which can send requests with the reader's token. Its code is
 * loaded only here, by the browser; without JavaScript the loading line is hidden and the page's
 * <noscript> note says why. Scalar's own interface is English, whatever the page's language: only
 * the lines around it are ours to translate.
 */
export function InteractiveReference() {
  const t = useTranslations("docs.interactive");
  const root = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  useEffect(() => (root.current ? mountScalar(root.current, setState) : undefined), []);
  return (
    <>
      {state !== "ready" && (
        <p role="status" className="text-sm text-slate-600 noscript:hidden">
          {state === "loading" ? t("loading") : t("failed")}
        </p>
      )}
      {/* Scalar lays itself out left to right: it has no right-to-left layout of its own. */}
      <div ref={root} dir="ltr" lang="en" />
    </>
  );
}
