import { signedInUser } from "@/lib/auth/session";
import { paymentIdSchema } from "@/lib/http/plain-text";
import { log } from "@/lib/observability/log";
import { readReturnQuery } from "@/lib/payments/checkout/return-query";
import { loadOwnPaymentFresh } from "@/lib/payments/sync/load-fresh";

export const dynamic = "force-dynamic";

/**
 * PortOne's redirectUrl (V1: m_redirect_url): where a phone comes back from PortOne's page. The payment is synced
 * here, before anything renders, then the browser goes on to the result page with PortOne's
 * query unchanged. Synced by the result page instead, the credit would land while the root
 * layout already read the header's balance (they render side by side), and the header would
 * show the old balance beside "충전이 완료되었습니다". Without a session or a valid id the result
 * page answers as it always does (sign-in, not found).
 */
export async function GET(request: Request) {
  const { search, searchParams } = new URL(request.url);
  const user = await signedInUser();
  const returned = readReturnQuery(searchParams);
  const paymentId = paymentIdSchema.safeParse(returned.paymentId);
  if (user && paymentId.success) {
    // The buyer left PortOne's window without completing it (as on the result page).
    // PortOne unreachable or slow: the result page shows what we have and keeps watching.
    await loadOwnPaymentFresh(user.id, paymentId.data, { buyerReturned: returned.leftUnfinished }).catch(
      (error: unknown) => log.warn({ paymentId: paymentId.data, err: error }, "syncing a returning phone failed"),
    );
  }
  return new Response(null, {
    status: 303,
    headers: { Location: `/charge/result${search}`, "Cache-Control": "no-store" },
  });
}
