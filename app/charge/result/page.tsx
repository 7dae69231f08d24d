import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AutoRefresh, RefreshOnce } from "@/app/_components/auto-refresh";
import { FailureExplanation } from "@/app/_components/failure-explanation";
import { PaymentOutcome } from "@/app/_components/payment-outcome";
import { requireUserId } from "@/lib/auth/session";
import { loadOwnPaymentFresh } from "@/lib/payments/sync/load-fresh";
import { paymentIdSchema } from "@/lib/http/plain-text";

export const metadata: Metadata = { title: "결제 결과" };

type Search = { paymentId?: string; code?: string; message?: string; pgMessage?: string };

/**
 * Where PortOne sends phones back (redirectUrl) and where desktop checkouts end. Safe to reload:
 * it only syncs and shows. Another user's paymentId is simply not found.
 */
export default async function ChargeResultPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const query = new URLSearchParams(
    Object.entries(search).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const userId = await requireUserId(`/charge/result?${query.toString()}`);
  const paymentId = paymentIdSchema.safeParse(search.paymentId);
  if (!paymentId.success) notFound();

  const loaded = await loadOwnPaymentFresh(userId, paymentId.data);
  if (!loaded) notFound();
  const { payment, changed } = loaded;

  // PortOne's redirect says why a payment did not complete; shown only while we agree it failed.
  const failureMessage =
    search.code && (payment.status === "FAILED" || payment.status === "PENDING")
      ? (search.pgMessage ?? search.message)
      : undefined;
  const settling = payment.status === "PENDING" && !search.code;

  return (
    <div className="space-y-4">
      {settling ? <AutoRefresh /> : null}
      {/* The header's balance renders beside this page, possibly before the sync (or a webhook
          that got there first) committed: refresh once so it shows the new balance. */}
      {changed || payment.status === "PAID" ? <RefreshOnce /> : null}
      {payment.status === "PENDING" && search.code ? (
        <div className="space-y-2">
          <h1 className="text-2xl font-bold tracking-tight text-red-700" data-testid="payment-outcome">
            결제가 완료되지 않았습니다
          </h1>
          <FailureExplanation payOption={payment.payOption} pgMessage={failureMessage ?? null} />
        </div>
      ) : (
        <PaymentOutcome payment={payment} message={failureMessage} />
      )}
    </div>
  );
}
