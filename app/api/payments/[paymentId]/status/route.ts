import { getTranslations } from "next-intl/server";
import { signedInUser } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/error-response";
import { paymentIdSchema } from "@/lib/http/plain-text";
import { watchOwnPayment } from "@/lib/payments/watch";

export const dynamic = "force-dynamic";

/**
 * What an open payment's page polls: our own row's status and the balance version, so the page
 * re-renders once the webhook (or the reconciler) has settled it. Never calls PortOne, so any
 * number of pages and instances can poll. Another user's payment is a 404, like a missing one.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ paymentId: string }> }) {
  try {
    // The payment's page polls this; its buyer may read the answer, in their language.
    const [user, t] = await Promise.all([signedInUser(), getTranslations("serverErrors")]);
    if (!user) throw new ApiError("unauthenticated", t("signInRequired"));
    const paymentId = paymentIdSchema.safeParse((await params).paymentId);
    const watched = paymentId.success ? await watchOwnPayment(user.id, paymentId.data) : null;
    if (!watched) throw new ApiError("payment_not_found", t("paymentNotFound"));
    return Response.json(watched, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
