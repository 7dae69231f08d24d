import { z } from "zod";
import { signedInUser } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/error-response";
import { BODY_LIMITS, readLimitedJson } from "@/lib/http/limited-body";
import { withRequestId } from "@/lib/observability/request-id";
import { isOwnPayment } from "@/lib/payments/queries";
import { syncPayment } from "@/lib/payments/sync/sync-payment";
import { paymentIdSchema } from "@/lib/http/plain-text";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ paymentId: paymentIdSchema });

/**
 * Completion for clients that are not our pages (a host application's own front end); the charge
 * page uses the equivalent server action. Answers with our status only.
 */
async function complete(request: Request) {
  try {
    const json = await readLimitedJson(request, BODY_LIMITS.completion);
    const user = await signedInUser();
    if (!user) throw new ApiError("unauthenticated", "로그인이 필요합니다.");
    const body = bodySchema.safeParse(json);
    if (!body.success) throw new ApiError("invalid_request", "paymentId가 필요합니다.");
    // Another user's payment is indistinguishable from one that does not exist.
    if (!(await isOwnPayment(user.id, body.data.paymentId)))
      throw new ApiError("payment_not_found", "결제를 찾을 수 없습니다.");
    const result = await syncPayment(body.data.paymentId);
    if (!result.ok) throw new ApiError("payment_not_found", "결제를 찾을 수 없습니다.");
    return Response.json({ paymentId: body.data.paymentId, status: result.status });
  } catch (error) {
    return errorResponse(error);
  }
}

export const POST = (request: Request) => withRequestId(request, () => complete(request));
