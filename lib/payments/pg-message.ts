// PortOne passes the PG's own words on, and Korean PGs write Korean: "사용자가 결제를 취소하였습니다"
// when the buyer closed the window, "카드사에서 승인을 거절했습니다" when the card was declined.
// Browser-safe: the charge form reads it as well as the result page.

/** The PG's message says the buyer cancelled (and not that something was refused or failed). */
export function saysBuyerCancelled(pgMessage: string | null): boolean {
  return Boolean(pgMessage && /취소/.test(pgMessage) && !/거절|실패/.test(pgMessage));
}
