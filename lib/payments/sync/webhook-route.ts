import "server-only";
import { ApiError } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/error-response";
import { BODY_LIMITS, readLimitedText } from "@/lib/http/limited-body";
import { log } from "@/lib/observability/log";
import { withRequestId } from "@/lib/observability/request-id";
import type { WebhookCheck } from "@/lib/portone/webhook";
import { processWebhook } from "./webhook-inbox";

type Verify = (rawBody: string, headers: Record<string, string>) => Promise<WebhookCheck>;

/**
 * A provider's webhook request: 400 when the notice cannot be believed, 200 once handled, 5xx only
 * so the provider retries. `verify` is the provider's own check (V2's signature, V1's re-fetch).
 */
export function handleWebhook(request: Request, verify: Verify): Promise<Response> {
  return withRequestId(request, async () => {
    let processing = false;
    try {
      const rawBody = await readLimitedText(request, BODY_LIMITS.webhook);
      // The SDK needs a plain object, not a Headers instance.
      const check = await verify(rawBody, Object.fromEntries(request.headers));
      if (!check.ok) {
        log.warn({ reason: check.reason }, "webhook rejected");
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
