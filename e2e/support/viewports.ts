import type { PlaywrightTestOptions } from "@playwright/test";

/** The two screens every page is checked on: a laptop and a small Android phone (360x740). */
export const VIEWPORTS: { name: string; use: Partial<PlaywrightTestOptions> }[] = [
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
