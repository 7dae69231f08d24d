import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { checkoutScriptUrl } from "@/lib/env-schema";
import { contentSecurityPolicy } from "@/lib/security/csp";
import { refuseHostileFormPost } from "@/lib/security/form-post-guard";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/observability/request-id-token";

const APP_ORIGIN = new URL(env.APP_URL).origin;

// Browsers keep to https for two years once they have seen this over https. Decided per process
// start from APP_URL, so one build serves both an https deployment and plain-http tests.
const STRICT_TRANSPORT_SECURITY =
  env.NODE_ENV === "production" && new URL(env.APP_URL).protocol === "https:"
    ? "max-age=63072000; includeSubDomains"
    : null;

function withTransportSecurity(response: NextResponse): NextResponse {
  if (STRICT_TRANSPORT_SECURITY) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

/** Hostile server-action posts are refused; every page gets a fresh nonce and CSP. */
export async function proxy(request: NextRequest) {
  // Next answers a path it cannot percent-decode with a 500 (it fails to render its own 400).
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return NextResponse.json({ error: "malformed_path" }, { status: 400 });
  }
  if (request.nextUrl.pathname.startsWith("/api/")) return withTransportSecurity(NextResponse.next());

  const refused = await refuseHostileFormPost(request, APP_ORIGIN);
  if (refused) return withTransportSecurity(refused);

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy({
    nonce,
    sdkUrl: checkoutScriptUrl(env),
    appUrl: env.APP_URL,
    development: env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  // Pages and server actions read it (lib/observability/request-id.ts); route handlers take it
  // from the request themselves, since most API requests do not pass through here.
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return withTransportSecurity(response);
}

// Next reads this statically: every source must be a literal.
export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // A post that may be a server action is always checked, whatever prefetch headers it carries.
    { source: "/((?!api|_next/static|_next/image|icon.svg).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!api|_next/static|_next/image|icon.svg).*)", has: [{ type: "header", key: "content-type" }] },
    // API requests without a body only (HSTS, and the path check for next-auth's catch-all, where a
    // stray "%" arrives): Next buffers the body of every request the proxy sees, which would undo
    // the route handlers' own body limits. One response is all a browser needs to remember HSTS.
    {
      source: "/api/:path*",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
  ],
};
