import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
// Parsing the environment here makes a missing or malformed variable fail `next build` and
// `next start` immediately, with a message that names it.
import "./lib/env";
import { BODY_LIMITS } from "./lib/http/limited-body";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // forbidden() answers admin pages with a real 403 for signed-in users who are not admins.
    authInterrupts: true,
    // Our forms are a few hundred bytes. Next buffers a copy of each body for proxy.ts, so that
    // copy is bounded the same way (proxy.ts refuses larger bodies by their Content-Length).
    serverActions: { bodySizeLimit: BODY_LIMITS.serverAction },
    proxyClientMaxBodySize: BODY_LIMITS.serverAction,
  },
  // The Content-Security-Policy is set per request in proxy.ts (it carries a nonce).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

// Without i18n routing: the locale comes from a cookie or Accept-Language (lib/i18n/request.ts).
// The messages are compiled at build time, so browsers get them ready to format and no ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

export default withNextIntl(nextConfig);
