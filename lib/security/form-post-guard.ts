import { NextResponse, type NextRequest } from "next/server";
import { BODY_LIMITS } from "@/lib/http/limited-body";

const READ_ONLY_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const refusal = (status: number, error: string) => NextResponse.json({ error }, { status });

/**
 * Pages take writes only as server actions. Next refuses a body over its limit too, but by
 * throwing, which answers 500; this check answers first, with 413. A browser always sends a
 * Content-Length for a form or an action; without one the body is refused (411) rather than
 * counted here.
 */
export async function refuseHostileFormPost(request: NextRequest): Promise<NextResponse | null> {
  if (READ_ONLY_METHODS.has(request.method)) return null;
  const declared = request.headers.get("content-length");
  if (declared === null) return request.headers.has("transfer-encoding") ? refusal(411, "length_required") : null;
  return Number(declared) <= BODY_LIMITS.serverAction ? null : refusal(413, "payload_too_large");
}
