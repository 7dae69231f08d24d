/** A 360x740 Android phone: PortOne's window is a full-page redirect there. */
export const PHONE = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  userAgent:
    "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
};

/** Where a local run leaves screenshots to look at (never committed). */
export const SHOTS_DIR = "/tmp/h-status-shots";
