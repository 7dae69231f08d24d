"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/locales";

/**
 * Tells the server the browser's zone (a cookie), so times are shown in the buyer's own zone. Only
 * when it differs from the zone the page was rendered in, so most visits never re-render.
 */
export function TimeZoneSync({ serverTimeZone }: { serverTimeZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === serverTimeZone) return;
    // Once only: a zone the server does not accept must not refresh the page on every visit.
    const sent = document.cookie.split("; ").find((pair) => pair.startsWith(`${TIME_ZONE_COOKIE}=`));
    if (sent === `${TIME_ZONE_COOKIE}=${zone}`) return;
    // IANA names are letters, digits and "_+-/": cookie-safe as they are.
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; Path=/; Max-Age=31536000; SameSite=Lax`;
    router.refresh();
  }, [serverTimeZone, router]);
  return null;
}
