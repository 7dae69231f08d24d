import type { Emulator } from "../context.js";
import type { BillingKeyRecord } from "./state.js";

// What the card company answers a billing-key payment, as a Toss test channel words it. The
// codes are the emulator's choice (PortOne relays whatever the PG says as pgCode/pgMessage).

export interface CardRefusal {
  pgCode: string;
  pgMessage: string;
}

export const CARD_DECLINED: CardRefusal = {
  pgCode: "REJECT_CARD_PAYMENT",
  pgMessage: "한도초과 혹은 잔액부족으로 카드사에서 승인을 거절했습니다. (에뮬레이터 테스트)",
};

export const CARD_EXPIRED: CardRefusal = {
  pgCode: "INVALID_CARD_EXPIRATION",
  pgMessage: "카드 유효기간이 만료되었습니다. (에뮬레이터 테스트)",
};

/**
 * The first instant after a card's expiry month, in Korean time: a card marked 12/30 works until
 * 2030-12-31 23:59:59 KST. `year` is two or four digits, as card credentials give it.
 */
export function cardExpiryEnd(year: string, month: string): string | undefined {
  const yearNumber = Number(year.length === 2 ? `20${year}` : year);
  const monthNumber = Number(month);
  if (!Number.isInteger(yearNumber) || !Number.isInteger(monthNumber) || monthNumber < 1 || monthNumber > 12)
    return undefined;
  return new Date(Date.UTC(yearNumber, monthNumber, 1) - 9 * 60 * 60_000).toISOString();
}

export const isCardExpired = (record: Pick<BillingKeyRecord, "cardExpiresAt">, at = Date.now()) =>
  record.cardExpiresAt !== undefined && Date.parse(record.cardExpiresAt) <= at;

/** Why the card company refuses this payment now (an expired card, a decline a tester asked for), if it does. */
export function cardRefusal(emulator: Emulator, record: BillingKeyRecord): CardRefusal | undefined {
  if (isCardExpired(record)) return CARD_EXPIRED;
  const decline = emulator.faults.takeCardDecline(record.billingKey);
  return decline && { pgCode: decline.pgCode, pgMessage: decline.pgMessage };
}
