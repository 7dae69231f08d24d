import "server-only";
import { env } from "@/lib/env";
import { formatPoints, formatWon } from "@/lib/format";
import { businessInfoOf } from "@/lib/legal/business-info";
import { formatKst } from "@/app/_components/date-time";
import { queueMailToUser, type MailExecutor } from "./outbox";
import { escapeHtml } from "./escape-html";

/** What a receipt reports of a credited charge (all of it on the payment row). */
export interface CreditedCharge {
  id: string;
  userId: string;
  orderName: string;
  /** KRW, the only currency sold (lib/payments/catalog/packages.ts). */
  amount: number;
  paidPoints: number;
  bonusPoints: number;
  paidAt: Date;
}

export const receiptKey = (paymentId: string) => `receipt:${paymentId}`;

/** The receipt's subject, text and HTML, in Korean like the rest of the app. */
export function receiptMail(charge: CreditedCharge) {
  const business = businessInfoOf(env);
  const link = new URL(`/payments/${encodeURIComponent(charge.id)}`, env.APP_URL).toString();
  const points = charge.paidPoints + charge.bonusPoints;
  const credited =
    charge.bonusPoints > 0
      ? `${formatPoints(points)} (충전 ${formatPoints(charge.paidPoints)} + 보너스 ${formatPoints(charge.bonusPoints)})`
      : formatPoints(points);
  const rows: [string, string][] = [
    ["상품", charge.orderName],
    ["결제 금액", formatWon(charge.amount)],
    ["충전 포인트", credited],
    ["결제 번호", charge.id],
    ["결제 일시", formatKst(charge.paidAt)],
  ];
  const footer = `${business.name} · 고객센터 ${business.supportEmail} · ${business.supportPhone}`;
  const text = [
    "포인트 충전이 완료되었습니다.",
    "",
    ...rows.map(([label, value]) => `${label}: ${value}`),
    "",
    `결제 내역 보기: ${link}`,
    "",
    "이 메일은 발신 전용입니다.",
    footer,
  ].join("\n");
  const html = [
    "<p>포인트 충전이 완료되었습니다.</p>",
    "<table>",
    ...rows.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    "</table>",
    `<p><a href="${escapeHtml(link)}">결제 내역 보기</a></p>`,
    `<p>이 메일은 발신 전용입니다.<br>${escapeHtml(footer)}</p>`,
  ].join("\n");
  return { subject: `[PointCharge] 포인트 충전 영수증 (${formatPoints(points)})`, text, html };
}

/**
 * Queues the receipt of a charge, in the transaction that credits it: keyed by the payment, so a
 * repeated sync never queues a second one. Users without a mailbox get none.
 */
export function queueReceipt(executor: MailExecutor, charge: CreditedCharge): Promise<boolean> {
  return queueMailToUser(executor, charge.userId, { key: receiptKey(charge.id), ...receiptMail(charge) });
}
