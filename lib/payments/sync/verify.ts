import type { PortOnePayment } from "@/lib/portone/payments";

export interface ExpectedPayment {
  storeId: string;
  channelKey: string;
  amount: number;
  currency: string;
  requireLiveChannel: boolean;
}

/**
 * Why PortOne's record does not match the order we created, or null when it does. Only checked
 * once money is involved (an issued account or a payment): before that the fields may be absent.
 */
export function verificationProblem(remote: PortOnePayment, expected: ExpectedPayment): string | null {
  if (remote.storeId !== expected.storeId) return `store ${remote.storeId} is not ours`;
  if (remote.channelKey !== expected.channelKey)
    return `channel ${remote.channelKey ?? "(none)"} is not the one configured for this pay method`;
  if (expected.requireLiveChannel && remote.channelType !== "LIVE")
    return `channel type ${remote.channelType ?? "(none)"} is not LIVE`;
  if (remote.currency !== expected.currency) return `currency ${remote.currency} differs from ${expected.currency}`;
  if (remote.amountTotal !== expected.amount) return `amount ${remote.amountTotal} differs from ${expected.amount}`;
  return null;
}
