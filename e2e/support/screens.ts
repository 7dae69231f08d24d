import type { PlaywrightTestOptions } from "@playwright/test";

/** A 360x740 Android phone: PortOne's window is a full-page redirect there. */
export const PHONE: Partial<PlaywrightTestOptions> = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  userAgent:
    "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
};

/** The two screens every buyer-facing spec looks at: a PC and the phone above. */
export const SCREENS: { name: "desktop" | "phone"; use: Partial<PlaywrightTestOptions> }[] = [
  { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
  { name: "phone", use: PHONE },
];

/** Where a run leaves the pages' screenshots to look at (beside Playwright's own output, never committed). */
export const SHOTS_DIR = "test-results/screens";
