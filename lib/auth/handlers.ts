import { NextRequest } from "next/server";
import { errorResponse } from "@/lib/http/api-error";
import { BODY_LIMITS, readLimitedBody } from "@/lib/http/limited-body";
import { handlers } from "./index";

export const { GET } = handlers;

/** Sign-in forms are a few hundred bytes: the body is bounded before next-auth parses it. */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    const body = await readLimitedBody(request, BODY_LIMITS.auth);
    return await handlers.POST(new NextRequest(request.url, { method: "POST", headers: request.headers, body }));
  } catch (error) {
    return errorResponse(error);
  }
}
