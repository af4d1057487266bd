"use client";

import { useEffect } from "react";
import { useTimeZone } from "next-intl";
import { setTimeZoneAction } from "@/app/_actions/locale";

/**
 * Tells the server the browser's time zone when the page was written in another one, so that
 * times read as the person's clock says (the next render, and mail). Without JavaScript, pages use
 * the zone last remembered for the account, else UTC.
 */
export function TimeZoneSync() {
  const rendered = useTimeZone();
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browser && browser !== rendered) void setTimeZoneAction(browser);
  }, [rendered]);
  return null;
}
