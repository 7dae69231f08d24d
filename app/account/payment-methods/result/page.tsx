import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/app/_components/link-button";
import { requireUserId } from "@/lib/auth/session";
import { syncBillingKey } from "@/lib/billing/payment-methods";
import { log } from "@/lib/observability/log";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("paymentMethods.result"))("title") };
}

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

  const t = await getTranslations("paymentMethods.result");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{registered ? t("registered") : t("notRegistered")}</h1>
      <p role={registered ? "status" : "alert"} className="text-slate-700">
        {registered
          ? t("ready")
          : code
            ? t("notCompleted", { message: first(search.message)?.slice(0, 200) ?? "" })
            : t("unconfirmed")}
      </p>
      <LinkButton href="/account/payment-methods">{t("back")}</LinkButton>
    </div>
  );
}
