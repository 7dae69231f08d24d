import { describe, expect, it } from "vitest";
import {
  CREDITED_STATUSES,
  inStepWithPortOne,
  nextState,
  PAYMENT_STATUSES,
  type PaymentStatus,
  type RemoteState,
  type SyncFacts,
} from "../lib/payments/sync/transitions";

/** Every PortOne state a sync can see, with the variants that change the answer. */
const REMOTE: Record<string, RemoteState | null> = {
  none: null,
  READY: { status: "READY", accountExpired: false, hasCancellations: false },
  PAY_PENDING: { status: "PAY_PENDING", accountExpired: false, hasCancellations: false },
  VA: { status: "VIRTUAL_ACCOUNT_ISSUED", accountExpired: false, hasCancellations: false },
  VA_due: { status: "VIRTUAL_ACCOUNT_ISSUED", accountExpired: true, hasCancellations: false },
  PAID: { status: "PAID", accountExpired: false, hasCancellations: false },
  FAILED: { status: "FAILED", accountExpired: false, hasCancellations: false },
  PART_CXL: { status: "PARTIAL_CANCELLED", accountExpired: false, hasCancellations: true },
  CXL_paid: { status: "CANCELLED", accountExpired: false, hasCancellations: true },
  CXL_unpaid: { status: "CANCELLED", accountExpired: false, hasCancellations: false },
  UNKNOWN: { status: "UNKNOWN", accountExpired: false, hasCancellations: false },
};
const COLUMNS = Object.keys(REMOTE);

// "=" stays; otherwise the next status, "+c" credits the charge, "+t" takes back the points of
// PortOne's cancellations that our refunds do not account for.
const P = "PARTIALLY_REFUNDED+c+t";
const R = "REFUNDED+c+t";
// prettier-ignore
const TABLE: Record<PaymentStatus, string[]> = {
  //                        none READY PAY_PENDING VA                        VA_due     PAID      FAILED     PART_CXL                  CXL_paid          CXL_unpaid UNKNOWN
  PENDING:                 ["=", "=",  "=",        "VIRTUAL_ACCOUNT_ISSUED", "EXPIRED", "PAID+c", "FAILED",  P,                        R,                "EXPIRED", "="],
  VIRTUAL_ACCOUNT_ISSUED:  ["=", "=",  "=",        "=",                      "EXPIRED", "PAID+c", "EXPIRED", P,                        R,                "EXPIRED", "="],
  PAID:                    ["=", "=",  "=",        "=",                      "=",       "=",      "=",       "PARTIALLY_REFUNDED+t",   "REFUNDED+t",     "=",       "="],
  PARTIALLY_REFUNDED:      ["=", "=",  "=",        "=",                      "=",       "=",      "=",       "=+t",                    "REFUNDED+t",     "=",       "="],
  REFUNDED:                ["=", "=",  "=",        "=",                      "=",       "=",      "=",       "PARTIALLY_REFUNDED+t",   "=+t",            "=",       "="],
  FAILED:                  ["=", "=",  "=",        "VIRTUAL_ACCOUNT_ISSUED", "=",       "PAID+c", "=",       P,                        R,                "=",       "="],
  EXPIRED:                 ["=", "=",  "=",        "VIRTUAL_ACCOUNT_ISSUED", "=",       "PAID+c", "=",       P,                        R,                "=",       "="],
  REJECTED:                ["=", "=",  "=",        "=",                      "=",       "=",      "=",       "=",                      "=",              "=",       "="],
};

function expected(current: PaymentStatus, cell: string) {
  const [status, ...flags] = cell.split("+");
  return {
    status: status === "=" ? current : status,
    credit: flags.includes("c"),
    takeBackCancellations: flags.includes("t"),
  };
}

function eachCell(run: (current: PaymentStatus, column: string, cell: string) => void) {
  for (const current of PAYMENT_STATUSES) {
    COLUMNS.forEach((column, index) => run(current, column, TABLE[current][index]!));
  }
}

describe("nextState", () => {
  it("has an answer for every pair of our status and PortOne's", () => {
    expect(Object.keys(TABLE).sort()).toEqual([...PAYMENT_STATUSES].sort());
    for (const row of Object.values(TABLE)) expect(row).toHaveLength(COLUMNS.length);
    eachCell((current, column, cell) => {
      expect({ current, column, ...nextState(current, REMOTE[column]!) }).toEqual({
        current,
        column,
        ...expected(current, cell),
      });
    });
  });

  it("rejects every uncredited payment whose record does not match, whatever PortOne says; a credited one keeps its course", () => {
    const facts: SyncFacts = { failedCheck: true };
    eachCell((current, column, cell) => {
      const answer = nextState(current, REMOTE[column]!, facts);
      const credited = CREDITED_STATUSES.includes(current);
      expect({ current, column, ...answer }).toEqual({
        current,
        column,
        ...(credited ? expected(current, cell) : { status: "REJECTED", credit: false, takeBackCancellations: false }),
      });
    });
  });

  it("expires an abandoned window only while PortOne has no money on its way", () => {
    eachCell((current, column, cell) => {
      const abandonedWindow = current === "PENDING" && (column === "none" || column === "READY");
      expect({ current, column, ...nextState(current, REMOTE[column]!, { abandoned: true }) }).toEqual({
        current,
        column,
        ...(abandonedWindow
          ? { status: "EXPIRED", credit: false, takeBackCancellations: false }
          : expected(current, cell)),
      });
    });
  });

  it("expires a window PortOne never recorded once the reconciler says it is over, never one that opened", () => {
    eachCell((current, column, cell) => {
      const neverRecorded = current === "PENDING" && column === "none";
      expect({ current, column, ...nextState(current, REMOTE[column]!, { unopenedIsOver: true }) }).toEqual({
        current,
        column,
        ...(neverRecorded
          ? { status: "EXPIRED", credit: false, takeBackCancellations: false }
          : expected(current, cell)),
      });
    });
  });

  it("leaves a credited payment alone while one of our refunds awaits PortOne (its cancellation may be ours)", () => {
    eachCell((current, column, cell) => {
      const waits = CREDITED_STATUSES.includes(current) && (column === "PART_CXL" || column === "CXL_paid");
      expect({ current, column, ...nextState(current, REMOTE[column]!, { refundInFlight: true }) }).toEqual({
        current,
        column,
        ...(waits ? { status: current, credit: false, takeBackCancellations: false } : expected(current, cell)),
      });
    });
  });
});

describe("inStepWithPortOne", () => {
  const pairs: [PaymentStatus, string, boolean][] = [
    ["PENDING", "READY", true],
    ["PENDING", "PAID", false],
    ["PAID", "PAID", true],
    ["VIRTUAL_ACCOUNT_ISSUED", "VA", true],
    ["VIRTUAL_ACCOUNT_ISSUED", "VA_due", false],
    // An account PortOne issued after we expired the window still takes money: shown again.
    ["EXPIRED", "VA", false],
    ["EXPIRED", "VA_due", true],
    ["REFUNDED", "CXL_paid", true],
    // A further cancellation made outside may not be applied yet.
    ["PARTIALLY_REFUNDED", "PART_CXL", false],
    ["PAID", "CXL_paid", false],
  ];
  it.each(pairs)("%s with PortOne's %s: in step %s", (current, column, inStep) => {
    expect(inStepWithPortOne(current, REMOTE[column]!)).toBe(inStep);
  });
});
