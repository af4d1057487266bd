import { useState } from "react";

export type CopyState = "idle" | "copied" | "failed";

/**
 * Copies `value` to the clipboard and remembers whether that worked, for a status line that says so
 * ("failed": plain http or a denied permission; common "copyFailed" says what to do instead).
 */
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
