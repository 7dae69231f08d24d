import type { NextConfig } from "next";
// Parsing the environment here makes a missing or malformed variable fail `next build` and
// `next start` immediately, with a message that names it.
import "./lib/env";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() answers admin pages with a real 403 for signed-in users who are not admins.
  experimental: { authInterrupts: true },
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

export default nextConfig;
