import { ApiError } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/error-response";
import { BODY_LIMITS, readLimitedText } from "@/lib/http/limited-body";
import { log } from "@/lib/observability/log";
import { withRequestId } from "@/lib/observability/request-id";
import { portoneV2 } from "@/lib/portone/v2-provider";
import { processWebhook } from "@/lib/payments/sync/webhook-inbox";

export const dynamic = "force-dynamic";

/** PortOne's webhook: 400 for a bad signature, 200 once handled, 5xx only so PortOne retries. */
export function POST(request: Request) {
  return withRequestId(request, async () => {
    let processing = false;
    try {
      const rawBody = await readLimitedText(request, BODY_LIMITS.webhook);
      // This route is V2's (signed Standard Webhooks); V1 notices are not delivered here.
      // The SDK needs a plain object, not a Headers instance.
      const check = await portoneV2.verifyWebhook(rawBody, Object.fromEntries(request.headers));
      if (!check.ok) {
        log.warn({ reason: check.reason }, "webhook signature rejected");
        throw new ApiError("invalid_signature", `webhook rejected: ${check.reason}`);
      }
      processing = true;
      const outcome = await processWebhook(check);
      return Response.json({ outcome });
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      // processWebhook logs its own failures, with the payment id.
      if (!processing) log.error({ err: error }, "webhook could not be read");
      return errorResponse(
        new ApiError("temporarily_unavailable", "The webhook could not be processed now; PortOne retries it."),
      );
    }
  });
}
