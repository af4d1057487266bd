"use client";

import { useEffect, useRef, useState } from "react";
import { mountScalar } from "./scalar";
import "./scalar.css";

/**
 * The interactive reference (Scalar), which can send requests with the reader's token. Its code is
 * loaded only here, by the browser; without JavaScript the loading line is hidden and the page's
 * <noscript> note says why.
 */
export function InteractiveReference() {
  const root = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  useEffect(() => (root.current ? mountScalar(root.current, setState) : undefined), []);
  return (
    <>
      {state !== "ready" && (
        <p role="status" className="text-sm text-slate-600 noscript:hidden">
          {state === "loading" ? "Loading the interactive reference…" : "The interactive reference could not be loaded. Every operation is described below."}
        </p>
      )}
      <div ref={root} />
    </>
  );
}
