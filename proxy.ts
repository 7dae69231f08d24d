import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy } from "@/lib/security/csp";

// Browsers keep to https for two years once they have seen this over https. Decided per process
// start from APP_URL, so one build serves both an https deployment and plain-http tests.
const STRICT_TRANSPORT_SECURITY =
  env.NODE_ENV === "production" && new URL(env.APP_URL).protocol === "https:" ? "max-age=63072000; includeSubDomains" : null;

function withTransportSecurity(response: NextResponse): NextResponse {
  if (STRICT_TRANSPORT_SECURITY) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

/** A fresh nonce and Content-Security-Policy per page; Next puts the nonce on its own scripts. */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/")) return withTransportSecurity(NextResponse.next());
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy({
    nonce,
    sdkUrl: env.NEXT_PUBLIC_PORTONE_SDK_URL,
    appUrl: env.APP_URL,
    development: env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return withTransportSecurity(response);
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // API requests without a body only: Next buffers the body of every request the proxy sees,
    // which would undo the route handlers' own body limits. One response is all a browser needs
    // to remember HSTS.
    {
      source: "/api/:path*",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
  ],
};
