import "server-only";
import { env } from "@/lib/env";
import type { PayOption } from "../catalog/pay-option-table";

/** What the browser passes to iamport.js's IMP.init and IMP.request_pay; built here so the browser decides nothing. */
export interface V1PaymentRequest {
  impCode: string;
  params: {
    pg: string;
    pay_method: NonNullable<PayOption["v1"]>["payMethod"];
    merchant_uid: string;
    amount: number;
    currency: "KRW";
    name: string;
    buyer_name?: string;
    buyer_email?: string;
    /** Where a phone comes back to, with imp_uid, merchant_uid and imp_success or error_code/error_msg. */
    m_redirect_url: string;
    /** Our notice route, whatever the console names (a console URL of another deployment, or none). */
    notice_url: string;
    /** A deposit's deadline, "YYYYMMDDhhmm" in Korean time. */
    vbank_due?: string;
  };
}

/** "YYYYMMDDhhmm" in Asia/Seoul, as V1's vbank_due takes it. */
export function koreanMinute(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Seoul",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value;
  return `${part("year")}${part("month")}${part("day")}${part("hour")}${part("minute")}`;
}

export function v1PaymentRequest(input: {
  paymentId: string;
  option: PayOption;
  orderName: string;
  amount: number;
  customer: { name: string | null; email: string | null };
  virtualAccountValidHours: number;
}): V1PaymentRequest {
  const { option } = input;
  // configuredPayOptions offers a V1 store only the options that have a V1 pay_method.
  if (!option.v1) throw new Error(`pay option ${option.id} is not offered on PortOne V1`);
  const { payMethod } = option.v1;
  return {
    impCode: env.PORTONE_V1_IMP_CODE!,
    params: {
      pg: option.channelKey,
      pay_method: payMethod,
      merchant_uid: input.paymentId,
      amount: input.amount,
      currency: "KRW",
      name: input.orderName,
      buyer_name: input.customer.name ?? undefined,
      buyer_email: input.customer.email ?? undefined,
      m_redirect_url: new URL("/charge/return", env.APP_URL).toString(),
      notice_url: new URL("/api/webhooks/portone-v1", env.APP_URL).toString(),
      ...(payMethod === "vbank"
        ? { vbank_due: koreanMinute(new Date(Date.now() + input.virtualAccountValidHours * 3_600_000)) }
        : {}),
    },
  };
}
