import { NextResponse, type NextRequest } from "next/server";
import { BODY_LIMITS } from "@/lib/http/limited-body";

const READ_ONLY_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const refusal = (status: number, error: string) => NextResponse.json({ error }, { status });

/** Whether Next could decode the body into a server action's arguments (React's reply format). */
async function decodable(request: NextRequest): Promise<boolean> {
  const fetchAction = request.headers.has("next-action");
  try {
    if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
      const root = (await request.formData()).get("0");
      if (fetchAction) JSON.parse(typeof root === "string" ? root : "");
    } else if (fetchAction) {
      JSON.parse(await request.text());
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Pages take writes only as server actions. Next refuses a cross-origin action, a body over its
 * limit and an undecodable body too, but by throwing, which answers 500; these checks answer
 * first, with the status that says what was wrong. A browser always sends a Content-Length for
 * a form or an action; without one the body is refused (411) rather than counted here.
 */
export async function refuseHostileFormPost(request: NextRequest, appOrigin: string): Promise<NextResponse | null> {
  if (READ_ONLY_METHODS.has(request.method)) return null;
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== appOrigin) return refusal(403, "cross_origin_request");
  const declared = request.headers.get("content-length");
  if (declared === null) return request.headers.has("transfer-encoding") ? refusal(411, "length_required") : null;
  if (!(Number(declared) <= BODY_LIMITS.serverAction)) return refusal(413, "payload_too_large");
  return (await decodable(request)) ? null : refusal(400, "malformed_request");
}
