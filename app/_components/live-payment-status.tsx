"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const FIRST_DELAY_MS = 2_000;
const MAX_DELAY_MS = 30_000;
const BACKOFF = 1.5;

/**
 * Keeps a page that shows an open payment (a window being confirmed, a virtual account awaiting
 * its deposit) up to date for as long as it is open, even for hours: it polls our own row's
 * version with backoff while the tab is visible (at once when it becomes visible again) and
 * re-renders the page, header balance included, only when the version changed. Polling our row
 * rather than PortOne keeps it cheap on any number of instances; the webhook moves the row.
 */
export function LivePaymentStatus({ paymentId, version }: { paymentId: string; version: string }) {
  const router = useRouter();
  useEffect(() => {
    let delay = FIRST_DELAY_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let checking = false;

    async function check() {
      timer = undefined;
      if (stopped || checking || document.visibilityState !== "visible") return;
      checking = true;
      try {
        const response = await fetch(`/api/payments/${encodeURIComponent(paymentId)}/status`, { cache: "no-store" });
        if (response.ok) {
          const watched = (await response.json()) as { version?: string };
          if (!stopped && watched.version && watched.version !== version) {
            stopped = true;
            router.refresh();
            return;
          }
        }
      } catch {
        // Offline for a moment: the next check tries again.
      } finally {
        checking = false;
      }
      schedule();
    }

    function schedule() {
      if (stopped || timer !== undefined) return;
      timer = setTimeout(check, delay);
      delay = Math.min(MAX_DELAY_MS, Math.round(delay * BACKOFF));
    }

    function onVisibility() {
      if (document.visibilityState !== "visible") return;
      // Back to the tab (perhaps from the banking app): look now, then slowly again.
      clearTimeout(timer);
      timer = undefined;
      delay = FIRST_DELAY_MS;
      void check();
    }

    schedule();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [router, paymentId, version]);
  return null;
}
