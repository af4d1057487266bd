"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation (a link, or the redirect after signing in) focus would stay
 * where the old page's button was; this puts the keyboard back at the top of the new page, so the
 * next Tab reaches "Skip to content" (Next's route announcer reads the new title). Not on the
 * first load, where the page's own autofocus applies.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const top = useRef<HTMLSpanElement>(null);
  const first = useRef(pathname);
  useEffect(() => {
    if (pathname === first.current) return;
    first.current = pathname;
    top.current?.focus({ preventScroll: true });
  }, [pathname]);
  return <span ref={top} tabIndex={-1} className="sr-only" />;
}
