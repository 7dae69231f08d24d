// The payment whose window a phone left this site for (PortOne's full-page redirect). Whichever
// of our pages the buyer comes back to learns of it: the result page (PortOne sent them back)
// forgets it; the charge page (they backed out of PortOne's page) ends the attempt.
const KEY = "pointcharge:left-for-portone";

export function rememberLeftForPortOne(paymentId: string): void {
  try {
    sessionStorage.setItem(KEY, paymentId);
  } catch {
    // Storage refused (private mode quotas): the payment's page and the reconciler still end it.
  }
}

/** The remembered payment, forgotten as it is read: each return is handled once. */
export function takeLeftForPortOne(): string | null {
  try {
    const paymentId = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return paymentId;
  } catch {
    return null;
  }
}
