import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signedInUser, signedInUserOwning } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/error-response";
import { BODY_LIMITS, readLimitedJson } from "@/lib/http/limited-body";
import { withRequestId } from "@/lib/observability/request-id";
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
    // A host application's front end may show the message to its buyer: in the request's language.
    const t = await getTranslations("serverErrors");
    const body = bodySchema.safeParse(json);
    // The session and the payment's owner are checked by one query; a body without a payment id
    // is still told to sign in first.
    const session = body.success ? await signedInUserOwning(body.data.paymentId) : null;
    if (!body.success) {
      if (!(await signedInUser())) throw new ApiError("unauthenticated", t("signInRequired"));
      throw new ApiError("invalid_request", t("paymentIdRequired"));
    }
    if (!session) throw new ApiError("unauthenticated", t("signInRequired"));
    // Another user's payment is indistinguishable from one that does not exist.
    if (!session.ownsPayment) throw new ApiError("payment_not_found", t("paymentNotFound"));
    const result = await syncPayment(body.data.paymentId);
    if (!result.ok) throw new ApiError("payment_not_found", t("paymentNotFound"));
    return Response.json({ paymentId: body.data.paymentId, status: result.status });
  } catch (error) {
    return errorResponse(error);
  }
}

export const POST = (request: Request) => withRequestId(request, () => complete(request));
