import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LivePaymentStatus } from "@/app/_components/live-payment-status";
import { RefreshOnce } from "@/app/_components/refresh-once";
import { PaymentOutcome } from "@/app/_components/payment-outcome";
import { requireUserId } from "@/lib/auth/session";
import { loadOwnPaymentFresh } from "@/lib/payments/sync/load-fresh";
import { paymentIdSchema } from "@/lib/http/plain-text";
import { readReturnQuery } from "@/lib/payments/checkout/return-query";
import { watchOwnPayment } from "@/lib/payments/watch";
import { ForgetLeftForPortOne } from "./forget-left-for-portone";
import { OPEN_STATUSES } from "@/lib/payments/sync/transitions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chargeResult"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

/**
 * Where phones come back to from PortOne (V2 or V1) (by way of ../return, which syncs first) and where desktop
 * checkouts end (after their completion synced). Safe to reload: it only syncs and shows.
 * Another user's paymentId is simply not found.
 */
export default async function ChargeResultPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const query = new URLSearchParams(
    Object.entries(search).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const userId = await requireUserId(`/charge/result?${query.toString()}`);
  const returned = readReturnQuery(query);
  const paymentId = paymentIdSchema.safeParse(returned.paymentId);
  if (!paymentId.success) notFound();

  // The buyer left PortOne's window without completing it: unless PortOne says otherwise (a late
  // approval is still credited), the attempt is over now.
  const loaded = await loadOwnPaymentFresh(userId, paymentId.data, { buyerReturned: returned.leftUnfinished });
  if (!loaded) notFound();
  const { payment, changed } = loaded;
  const watched = OPEN_STATUSES.includes(payment.status) ? await watchOwnPayment(userId, payment.id) : null;

  // PortOne's redirect says why a payment did not complete; shown only while we agree it failed.
  const failureMessage =
    returned.leftUnfinished && (payment.status === "FAILED" || payment.status === "PENDING")
      ? returned.message
      : undefined;

  return (
    <div className="space-y-4">
      <ForgetLeftForPortOne />
      {watched ? <LivePaymentStatus paymentId={payment.id} version={watched.version} /> : null}
      {/* Synced here (a reload while PortOne had not answered yet), the change committed after the
          layout, rendered beside this page, read the header's balance: refresh once. */}
      {changed ? <RefreshOnce /> : null}
      <PaymentOutcome
        payment={payment}
        message={failureMessage}
        unfinished={payment.status === "PENDING" && returned.leftUnfinished}
      />
    </div>
  );
}
