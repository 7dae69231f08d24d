import type { Metadata } from "next";
import { LinkButton } from "@/app/_components/link-button";
import { requireUserId } from "@/lib/auth/session";
import { syncBillingKey } from "@/lib/billing/payment-methods";
import { log } from "@/lib/observability/log";

export const metadata: Metadata = { title: "결제 수단 등록 결과" };

type Search = { billingKey?: string | string[]; code?: string | string[]; message?: string | string[] };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Where PortOne sends a phone back after its issuing window: the key is checked with PortOne here. */
export default async function PaymentMethodResultPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const userId = await requireUserId("/account/payment-methods");
  const billingKey = first(search.billingKey);
  const code = first(search.code);

  let registered = false;
  if (!code && billingKey) {
    try {
      const result = await syncBillingKey(billingKey, userId);
      registered = result.ok && result.status === "ACTIVE";
    } catch (error) {
      log.error({ err: error }, "confirming a registered payment method failed");
    }
  }

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">
        {registered ? "결제 수단을 등록했습니다" : "결제 수단을 등록하지 못했습니다"}
      </h1>
      <p role={registered ? "status" : "alert"} className="text-slate-700">
        {registered
          ? "이제 자동 충전에 이 결제 수단을 쓸 수 있습니다."
          : code
            ? `결제 수단 등록이 완료되지 않았습니다. ${first(search.message)?.slice(0, 200) ?? ""}`
            : "등록을 확인하지 못했습니다. 잠시 후 결제 수단 목록을 확인해 주세요."}
      </p>
      <LinkButton href="/account/payment-methods">결제 수단으로 돌아가기</LinkButton>
    </div>
  );
}
