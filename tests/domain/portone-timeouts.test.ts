import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { controlPortOne, domainSuite, failPortOneCalls, paidCharge, portOneView } from "../support/domain";

const suite = domainSuite();

// Short limits, so a hung PortOne costs the suite seconds, not minutes.
const API_TIMEOUT_MS = 1_000;
const READ_RETRIES = 2;
const CANCEL_TIMEOUT_MS = 2_000; // set by domainSuite
beforeAll(() => {
  Object.assign(process.env, {
    PORTONE_API_TIMEOUT_MS: String(API_TIMEOUT_MS),
    PORTONE_READ_RETRIES: String(READ_RETRIES),
  });
});

/** The faults still waiting to hit calls about this payment (each call it hits uses one up). */
async function faultsLeft(paymentId: string): Promise<number> {
  const response = await fetch(`${suite.emulator.url}/__emulator/faults`);
  const { api } = (await response.json()) as { api: { paymentId?: string; remaining: number }[] };
  return api.filter((fault) => fault.paymentId === paymentId).reduce((sum, fault) => sum + fault.remaining, 0);
}

const hang = (paymentId: string, endpoint: string, count: number, hangMs: number) =>
  controlPortOne(suite, "/faults/api", { paymentId, kind: "hang", endpoint, count, hangMs });

let faulted: string[] = [];
afterEach(async () => {
  for (const paymentId of faulted) {
    await fetch(`${suite.emulator.url}/__emulator/faults?paymentId=${paymentId}`, { method: "DELETE" });
  }
  faulted = [];
});

async function timed<T>(work: () => Promise<T>): Promise<{ elapsedMs: number; result: PromiseSettledResult<T> }> {
  const started = performance.now();
  const [result] = await Promise.allSettled([work()]);
  return { elapsedMs: performance.now() - started, result: result! };
}

describe("calls to PortOne", () => {
  it("a lookup that gets one 503 is asked again and succeeds", async () => {
    const { fetchPortOnePayment } = await import("@/lib/portone/payments");
    const { paymentId } = await paidCharge(suite, "retry-read@example.com");
    faulted.push(paymentId);
    await failPortOneCalls(suite, paymentId, 1, "GET /payments/{paymentId}");

    const payment = await fetchPortOnePayment(paymentId);
    expect(payment?.status).toBe("PAID");
    expect(await faultsLeft(paymentId)).toBe(0); // the 503 was really served, to the first attempt
  });

  it("a lookup that keeps failing gives up after PORTONE_READ_RETRIES more attempts", async () => {
    const { fetchPortOnePayment } = await import("@/lib/portone/payments");
    const { paymentId } = await paidCharge(suite, "retry-read-gives-up@example.com");
    faulted.push(paymentId);
    await failPortOneCalls(suite, paymentId, 10, "GET /payments/{paymentId}");

    await expect(fetchPortOnePayment(paymentId)).rejects.toThrow();
    expect(await faultsLeft(paymentId)).toBe(10 - (1 + READ_RETRIES));
  });

  it("a hung lookup times out after PORTONE_API_TIMEOUT_MS per attempt", async () => {
    const { fetchPortOnePayment } = await import("@/lib/portone/payments");
    const { PortOneTimeoutError } = await import("@/lib/portone/call");
    const { paymentId } = await paidCharge(suite, "hung-read@example.com");
    faulted.push(paymentId);
    await hang(paymentId, "GET /payments/{paymentId}", 10, 5_000);

    const { elapsedMs, result } = await timed(() => fetchPortOnePayment(paymentId));
    expect(result.status).toBe("rejected");
    expect((result as PromiseRejectedResult).reason).toBeInstanceOf(PortOneTimeoutError);
    const attempts = 1 + READ_RETRIES;
    // Each attempt waits the timeout; backoff between them is at most 200 + 400 ms.
    expect(elapsedMs).toBeGreaterThanOrEqual(attempts * API_TIMEOUT_MS - 50);
    expect(elapsedMs).toBeLessThan(attempts * API_TIMEOUT_MS + 600 + 700);
    expect(await faultsLeft(paymentId)).toBe(10 - attempts);
  });

  it("a hung pre-registration is given up once, within PORTONE_API_TIMEOUT_MS", async () => {
    const { preRegisterAmount } = await import("@/lib/portone/requests");
    const paymentId = `pay-hung-register-${Date.now()}`;
    faulted.push(paymentId);
    await hang(paymentId, "POST /payments/{paymentId}/pre-register", 10, 5_000);

    const { elapsedMs, result } = await timed(() => preRegisterAmount(paymentId, 10_000, "KRW"));
    expect(result.status).toBe("rejected");
    expect(elapsedMs).toBeGreaterThanOrEqual(API_TIMEOUT_MS - 50);
    expect(elapsedMs).toBeLessThan(API_TIMEOUT_MS + 700);
    expect(await faultsLeft(paymentId)).toBe(9); // asked once
  });

  it("a cancel that gets a 503 is not repeated: the outcome is unknown and PortOne still holds the money", async () => {
    const { cancelForRefund } = await import("@/lib/portone/requests");
    const { paymentId } = await paidCharge(suite, "cancel-no-retry@example.com");
    faulted.push(paymentId);
    await failPortOneCalls(suite, paymentId, 1, "POST /payments/{paymentId}/cancel");

    const outcome = await cancelForRefund({
      paymentId,
      amount: 10_000,
      currentCancellableAmount: 10_000,
      reason: "test",
    });
    expect(outcome.kind).toBe("unknown");
    expect(await faultsLeft(paymentId)).toBe(0);
    // A repeated cancel would have gone through on the second attempt.
    expect(await portOneView(suite, paymentId)).toEqual({ status: "PAID", total: 10_000, cancelled: 0 });
  });

  it("a hung cancel is given up after PORTONE_CANCEL_TIMEOUT_MS, once", async () => {
    const { cancelForRefund } = await import("@/lib/portone/requests");
    const { paymentId } = await paidCharge(suite, "cancel-hung@example.com");
    faulted.push(paymentId);
    await hang(paymentId, "POST /payments/{paymentId}/cancel", 5, 3_000);

    const { elapsedMs, result } = await timed(() =>
      cancelForRefund({ paymentId, amount: 10_000, currentCancellableAmount: 10_000, reason: "test" }),
    );
    expect(result).toMatchObject({ status: "fulfilled", value: { kind: "unknown" } });
    expect(elapsedMs).toBeGreaterThanOrEqual(CANCEL_TIMEOUT_MS - 50);
    expect(elapsedMs).toBeLessThan(CANCEL_TIMEOUT_MS + 700);
    expect(await faultsLeft(paymentId)).toBe(4);
  });
});
