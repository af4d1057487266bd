import { useState } from "react";

export type CopyState = "idle" | "copied" | "failed";

/** What a status line says when the browser refused the clipboard (plain http, a denied permission). */
export const COPY_FAILED = "Could not copy: select the text and copy it yourself.";

/** Copies `value` to the clipboard and remembers whether that worked, for a status line that says so. */
export function useCopy(value: string): [CopyState, () => Promise<void>] {
  const [state, setState] = useState<CopyState>("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return [state, copy];
}
