import type { NextConfig } from "next";
// Parsing the environment here makes a missing or malformed variable fail `next build` and
// `next start` immediately, with a message that names it.
import "./lib/env";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
