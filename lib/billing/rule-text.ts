import { formatPoints, formatWon } from "@/lib/format";
import type { PointsPackage } from "@/lib/payments/catalog/packages";
import { billingOption } from "./billing-options";

/**
 * The automatic-charge agreement, worded once: the form shows it as the user fills it in, and the
 * server stores the same words (with this version and their digest) as the record of consent.
 * Raise the version whenever the wording changes.
 */
export const AUTO_CHARGE_TERMS_VERSION = "2026-12-03";

const RETRY_SENTENCE =
  "결제가 거절되면 1시간, 6시간, 24시간 뒤에 다시 시도하고, 그래도 안 되면 자동 충전을 멈추고 알려 드립니다.";
const STOP_SENTENCE =
  "자동 충전은 내 계정 > 결제 수단에서 언제든 해지할 수 있으며, 해지하면 그 뒤로는 결제되지 않습니다. 자동 충전된 포인트도 사용하지 않은 만큼 환불받을 수 있습니다.";

export interface LowBalanceTerms {
  kind: "low_balance";
  pack: PointsPackage;
  threshold: number;
  monthlyLimit: number;
  /** The payment method as the user sees it (paymentMethodLabel), e.g. "삼성카드 ****1234". */
  method: string;
}

export function lowBalanceAgreement(terms: LowBalanceTerms): string {
  const points = terms.pack.paidPoints + terms.pack.bonusPoints;
  return [
    `포인트를 사용한 뒤 잔액이 ${formatPoints(terms.threshold)} 미만이 되면, 등록한 결제 수단(${terms.method})으로 ${formatWon(terms.pack.price)}을 결제하고 ${formatPoints(points)}를 충전합니다.`,
    `한 달(매월 1일부터 말일까지, 한국 시간)에 최대 ${terms.monthlyLimit}회, 최대 ${formatWon(terms.pack.price * terms.monthlyLimit)}까지 결제됩니다.`,
    RETRY_SENTENCE,
    STOP_SENTENCE,
  ].join("\n");
}

export interface MonthlyTerms {
  kind: "monthly";
  pack: PointsPackage;
  dayOfMonth: number;
  method: string;
}

export function monthlyAgreement(terms: MonthlyTerms): string {
  const points = terms.pack.paidPoints + terms.pack.bonusPoints;
  return [
    `매월 ${terms.dayOfMonth}일 오전 9시(한국 시간)에 등록한 결제 수단(${terms.method})으로 ${formatWon(terms.pack.price)}을 결제하고 ${formatPoints(points)}를 충전합니다.`,
    `한 달에 한 번, 최대 ${formatWon(terms.pack.price)}까지 결제됩니다.`,
    RETRY_SENTENCE,
    STOP_SENTENCE,
  ].join("\n");
}

/** The agreement for either kind of rule. */
export const agreementFor = (terms: LowBalanceTerms | MonthlyTerms): string =>
  terms.kind === "monthly" ? monthlyAgreement(terms) : lowBalanceAgreement(terms);

/** A masked card for display: "삼성카드 ****1234". */
function cardLabel(card: { cardName: string | null; cardNumber: string | null }): string {
  const last = card.cardNumber?.replace(/\D/g, "").slice(-4);
  return [card.cardName ?? "카드", last ? `****${last}` : null].filter(Boolean).join(" ");
}

/**
 * A registered payment method for display: "삼성카드 ****1234", or a wallet with what it pays by,
 * "카카오페이 · 신한카드 ****5678" or "카카오페이 · 잔액 결제".
 */
export function paymentMethodLabel(method: {
  method: string;
  cardName: string | null;
  cardNumber: string | null;
}): string {
  const option = billingOption(method.method);
  if (!option || option.billingKeyMethod === "CARD") return cardLabel(method);
  const paidBy = method.cardName || method.cardNumber ? cardLabel(method) : "잔액 결제";
  return `${option.label} · ${paidBy}`;
}
