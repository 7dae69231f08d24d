import { NextRequest } from "next/server";
import { ApiError } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/error-response";
import { BODY_LIMITS, readLimitedBody } from "@/lib/http/limited-body";
import { handlers } from "./index";

/** next-auth decodes the path itself and answers a stray "%" with an uncaught error (a 500). */
function refuseUndecodablePath(request: NextRequest): void {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    throw new ApiError("malformed_path", "The path is not valid percent-encoding.");
  }
}

const CALLBACK_URL_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/** Cookie values as next-auth reads them: decoded when they decode, else raw (Next drops those). */
function rawCookieValues(request: NextRequest, names: string[]): string[] {
  return (request.headers.get("cookie") ?? "").split(";").flatMap((pair) => {
    const separator = pair.indexOf("=");
    if (separator < 0 || !names.includes(pair.slice(0, separator).trim())) return [];
    const value = pair
      .slice(separator + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
    try {
      return [decodeURIComponent(value)];
    } catch {
      return [value];
    }
  });
}

/** next-auth throws (a 500) on a callbackUrl query or cookie that is not a URL; that is a 400. */
function refuseMalformedCallbackUrl(request: NextRequest): void {
  const values = [request.nextUrl.searchParams.get("callbackUrl"), ...rawCookieValues(request, CALLBACK_URL_COOKIES)];
  for (const value of values) {
    if (!value) continue;
    try {
      if (/^https?:$/.test(new URL(value, value.startsWith("/") ? request.nextUrl.origin : undefined).protocol))
        continue;
    } catch {}
    throw new ApiError("invalid_callback_url", "The callback URL is not a URL.");
  }
}

export async function GET(request: NextRequest): Promise<Response> {
  try {
    refuseUndecodablePath(request);
    refuseMalformedCallbackUrl(request);
    return await handlers.GET(request);
  } catch (error) {
    return errorResponse(error);
  }
}

/** Sign-in forms are a few hundred bytes: the body is bounded before next-auth parses it. */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    refuseUndecodablePath(request);
    refuseMalformedCallbackUrl(request);
    const body = await readLimitedBody(request, BODY_LIMITS.auth);
    return await handlers.POST(new NextRequest(request.url, { method: "POST", headers: request.headers, body }));
  } catch (error) {
    return errorResponse(error);
  }
}
