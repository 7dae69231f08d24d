import { handleWebhook } from "@/lib/payments/sync/webhook-route";
import { portoneV2 } from "@/lib/portone/v2-provider";

export const dynamic = "force-dynamic";

/** PortOne V2's webhook (signed Standard Webhooks); a V1 store's notices go to ./portone-v1. */
export function POST(request: Request) {
  return handleWebhook(request, (rawBody, headers) => portoneV2.verifyWebhook(rawBody, headers));
}
