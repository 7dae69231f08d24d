import { clientAddress } from "@/lib/auth/client-address";
import { env } from "@/lib/env";
import { usesPortOneV1 } from "@/lib/env-schema";
import { ApiError } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/error-response";
import { log } from "@/lib/observability/log";
import { handleWebhook } from "@/lib/payments/sync/webhook-route";
import { paymentProvider } from "@/lib/portone/select-provider";

export const dynamic = "force-dynamic";

/**
 * PortOne V1's notice, `{imp_uid, merchant_uid, status}` as JSON or a form. It is unsigned, so it
 * is never believed: the V1 adapter asks V1's API for the payment it names, and syncPayment uses
 * only what the API says. With PORTONE_V1_WEBHOOK_SENDERS set, other senders are refused first.
 */
export function POST(request: Request) {
  if (!usesPortOneV1(env)) {
    return Promise.resolve(errorResponse(new ApiError("v1_webhooks_disabled", "This store is not on PortOne V1.")));
  }
  const senders = env.PORTONE_V1_WEBHOOK_SENDERS;
  const sender = clientAddress(request.headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
  if (senders.length > 0 && (!sender || !senders.includes(sender))) {
    log.warn({ sender }, "V1 notice from an address PortOne does not send from");
    return Promise.resolve(errorResponse(new ApiError("sender_not_allowed", "Notices come from PortOne only.")));
  }
  return handleWebhook(request, (rawBody, headers) => paymentProvider.verifyWebhook(rawBody, headers));
}
