"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** One refresh right after mount: the layout rendered beside a page that just changed state. */
export function RefreshOnce() {
  const router = useRouter();
  useEffect(() => router.refresh(), [router]);
  return null;
}
