import { describe, expect, it } from "vitest";
import type { PortOnePayment } from "../lib/portone/payments";
import { verificationProblem, type ExpectedPayment } from "../lib/payments/sync/verify";

const expected: ExpectedPayment = {
  storeId: "store-ours",
  channelKey: "channel-key-card",
  amount: 10_000,
  currency: "KRW",
  requireLiveChannel: false,
};

const paid = (changes: Partial<PortOnePayment> = {}): PortOnePayment => ({
  id: "pc-1",
  status: "PAID",
  storeId: "store-ours",
  transactionId: "tx-1",
  channelKey: "channel-key-card",
  channelType: "TEST",
  pgProvider: "TOSSPAYMENTS",
  amountTotal: 10_000,
  amountCancelled: 0,
  currency: "KRW",
  methodDetails: null,
  receiptUrl: null,
  virtualAccount: null,
  cashReceipt: null,
  failureReason: null,
  paidAt: new Date(),
  cancellations: [],
  cancellationInProgress: false,
  cancellationStatuses: {},
  ...changes,
});

describe("verificationProblem", () => {
  it("accepts PortOne's record of the order we created", () => {
    expect(verificationProblem(paid(), expected)).toBeNull();
  });

  it("refuses a lower amount, another currency, store or channel", () => {
    expect(verificationProblem(paid({ amountTotal: 100 }), expected)).toMatch(/amount 100 differs from 10000/);
    expect(verificationProblem(paid({ currency: "USD" }), expected)).toMatch(/currency/);
    expect(verificationProblem(paid({ storeId: "store-theirs" }), expected)).toMatch(/store/);
    expect(verificationProblem(paid({ channelKey: "channel-key-transfer" }), expected)).toMatch(/channel/);
    expect(verificationProblem(paid({ channelKey: null }), expected)).toMatch(/channel/);
  });

  it("with production keys, refuses payments made on a TEST channel", () => {
    const live = { ...expected, requireLiveChannel: true };
    expect(verificationProblem(paid({ channelType: "TEST" }), live)).toMatch(/not LIVE/);
    expect(verificationProblem(paid({ channelType: "LIVE" }), live)).toBeNull();
  });
});
