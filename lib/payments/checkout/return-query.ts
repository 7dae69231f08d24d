/**
 * What PortOne's redirect back to us says, from V2 (`paymentId`, and `code`, `message`,
 * `pgMessage` when the window did not complete) or V1's m_redirect_url (`merchant_uid`,
 * `imp_uid`, and `imp_success=false` from older PGs or `error_code` / `error_msg` from newer
 * ones). Only a hint: the payment's state is always read from PortOne.
 */
export interface ReturnQuery {
  paymentId: string | undefined;
  /** The buyer left the window without completing it (declined, cancelled, closed). */
  leftUnfinished: boolean;
  /** Why, in the PG's words. */
  message: string | undefined;
}

export function readReturnQuery(query: URLSearchParams): ReturnQuery {
  const value = (name: string) => query.get(name) || undefined;
  const v1Failed =
    Boolean(value("error_code") || value("error_msg")) ||
    value("imp_success") === "false" ||
    value("success") === "false";
  return {
    paymentId: value("paymentId") ?? value("merchant_uid"),
    leftUnfinished: Boolean(value("code")) || v1Failed,
    message: value("pgMessage") ?? value("message") ?? value("error_msg"),
  };
}
