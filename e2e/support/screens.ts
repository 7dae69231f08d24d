import type { PlaywrightTestOptions } from "@playwright/test";

/** The two screens every buyer-facing spec looks at: a PC and a 360x740 Android phone. */
export const SCREENS: { name: "desktop" | "phone"; use: Partial<PlaywrightTestOptions> }[] = [
  { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
  {
    name: "phone",
    use: {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      userAgent:
        "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
    },
  },
];
