// PortOne's browser script, its checkout frames and API live on these origins; the PG pages it
// opens are framed by PortOne's own documents, so our policy needs only PortOne's.
const REAL_PORTONE_ORIGINS = ["https://*.portone.io", "https://*.iamport.co", "https://*.iamport.kr"];

/**
 * The Content-Security-Policy of every page: scripts only from our origin (with this response's
 * nonce for Next's inline scripts) and PortOne's, frames only from PortOne's, no framing of us.
 * `sdkUrl` is the emulator's script when configured, which then replaces PortOne's origins.
 */
export function contentSecurityPolicy(options: {
  nonce: string;
  sdkUrl: string | undefined;
  appUrl: string;
  development: boolean;
}): string {
  const portone = options.sdkUrl ? [new URL(options.sdkUrl).origin] : REAL_PORTONE_ORIGINS;
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's development build needs eval for its error overlays; production never does.
    "script-src": ["'self'", `'nonce-${options.nonce}'`, ...portone, ...(options.development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...portone],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...portone, ...(options.development ? ["ws:"] : [])],
    "frame-src": portone,
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(" ")}`);
  if (options.appUrl.startsWith("https:")) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}
