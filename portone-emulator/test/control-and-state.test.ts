import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/server.js";
import { configFromEnv } from "../src/env.js";
import {
  control,
  openCheckout,
  paymentClient,
  paymentRequest,
  payThroughCheckout,
  startTestEmulator,
  startWebhookReceiver,
  waitFor,
} from "./helpers.js";

let emulator: RunningEmulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  emulator = await startTestEmulator({ webhookUrl: receiver.url });
});

afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

describe("control API", () => {
  it("deposits into an issued virtual account once, and refuses after expiry", async () => {
    const client = paymentClient(emulator);
    const account = await payThroughCheckout(emulator, { payMethod: "VIRTUAL_ACCOUNT" }, "issue");
    const deposited = await control(emulator, `/payments/${account.paymentId}/deposit`);
    expect(deposited.body).toMatchObject({ status: "PAID", amount: { paid: 10_000 } });
    expect((await control(emulator, `/payments/${account.paymentId}/deposit`)).body).toMatchObject({
      type: "PAYMENT_NOT_WAITING_FOR_DEPOSIT",
    });

    const expiring = await payThroughCheckout(emulator, { payMethod: "VIRTUAL_ACCOUNT" }, "issue");
    const expired = await control(emulator, `/payments/${expiring.paymentId}/expire-virtual-account`);
    expect(expired.body).toMatchObject({ status: "VIRTUAL_ACCOUNT_ISSUED" });
    const expiredAt = (expired.body.method as { expiredAt: string }).expiredAt;
    expect(Date.parse(expiredAt)).toBeLessThanOrEqual(Date.now());
    expect((await control(emulator, `/payments/${expiring.paymentId}/deposit`)).status).toBe(409);
    expect((await client.getPayment({ paymentId: expiring.paymentId })).status).toBe("VIRTUAL_ACCOUNT_ISSUED");
    expect((await control(emulator, "/payments/unknown/deposit")).body).toMatchObject({ type: "PAYMENT_NOT_FOUND" });
  });

  it("refuses unknown webhook fault modes and non-5xx API faults", async () => {
    expect((await control(emulator, "/faults/webhooks", { global: true, mode: "explode" })).status).toBe(400);
    expect((await control(emulator, "/faults/api", { global: true, status: 404 })).status).toBe(400);
    expect((await control(emulator, "/faults/api", { paymentId: "x", global: true })).status).toBe(400);
    const listed = await control(emulator, "/faults", undefined, "GET");
    expect(listed.body).toEqual({ api: [], webhooks: [], cancellations: [], cardDeclines: [] });
  });

  it("resets everything", async () => {
    const separate = await startTestEmulator({ webhookUrl: "" });
    try {
      const { paymentId } = await payThroughCheckout(separate);
      await control(separate, "/faults/api", { global: true, count: 5 });
      expect((await control(separate, "/reset")).body).toEqual({ ok: true });
      const error = await paymentClient(separate)
        .getPayment({ paymentId })
        .catch((caught: { data: { type: string } }) => caught.data.type);
      expect(error).toBe("PAYMENT_NOT_FOUND");
    } finally {
      await separate.close();
    }
  });
});

describe("console", () => {
  it("lists payments and cancels, resends and deposits through its forms", async () => {
    const { paymentId } = await payThroughCheckout(emulator, { orderName: "콘솔 테스트" });
    expect(await (await fetch(`${emulator.url}/console`)).text()).toContain(paymentId);
    const form = (fields: Record<string, string>) => ({
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
      redirect: "manual" as const,
    });
    const cancelled = await fetch(
      `${emulator.url}/console/payments/${paymentId}/cancel`,
      form({ amount: "2500", reason: "콘솔 부분 취소" }),
    );
    expect(cancelled.status).toBe(303);
    const detail = await (await fetch(`${emulator.url}${cancelled.headers.get("location")}`)).text();
    expect(detail).toContain("2500 취소했습니다");
    expect(await paymentClient(emulator).getPayment({ paymentId })).toMatchObject({
      status: "PARTIAL_CANCELLED",
      cancellations: [{ totalAmount: 2_500, trigger: "CONSOLE", reason: "콘솔 부분 취소" }],
    });
    await waitFor(() =>
      receiver.forPayment(paymentId).find((webhook) => webhook.type === "Transaction.PartialCancelled"),
    );
    const before = receiver.forPayment(paymentId).length;
    await fetch(`${emulator.url}/console/payments/${paymentId}/resend-webhook`, form({}));
    expect(receiver.forPayment(paymentId)).toHaveLength(before + 1);
    const refused = await fetch(`${emulator.url}/console/payments/${paymentId}/deposit`, form({}));
    expect(decodeURIComponent(refused.headers.get("location") ?? "")).toContain("PAYMENT_NOT_WAITING_FOR_DEPOSIT");
  });
});

describe("GET /payments time window", () => {
  it("defaults to PortOne's: from 90 days before until, until now", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "portone-emulator-"));
    const stateFile = path.join(folder, "state.json");
    try {
      const first = await startTestEmulator({ webhookUrl: "", stateFile });
      const old = await payThroughCheckout(first);
      const recent = await payThroughCheckout(first);
      await first.close();
      // Back-date one payment by 100 days, as if the emulator had kept it that long.
      const state = JSON.parse(readFileSync(stateFile, "utf8")) as {
        payments: { id: string; requestedAt: string; statusChangedAt: string; updatedAt: string }[];
      };
      const longAgo = new Date(Date.now() - 100 * 24 * 3_600_000).toISOString();
      for (const payment of state.payments.filter((candidate) => candidate.id === old.paymentId)) {
        Object.assign(payment, { requestedAt: longAgo, statusChangedAt: longAgo, updatedAt: longAgo });
      }
      writeFileSync(stateFile, JSON.stringify(state));

      const second = await startTestEmulator({ webhookUrl: "", stateFile });
      try {
        const ids = async (filter: Record<string, string> = {}) =>
          (await paymentClient(second).getPayments({ filter })).items.map((payment) =>
            "id" in payment ? payment.id : "",
          );
        expect(await ids()).toEqual([recent.paymentId]);
        const halfYearAgo = new Date(Date.now() - 180 * 24 * 3_600_000).toISOString();
        expect(await ids({ from: halfYearAgo })).toEqual([recent.paymentId, old.paymentId]);
        // `from` alone still ends now; `until` alone starts 90 days before it.
        expect(await ids({ until: new Date(Date.now() - 95 * 24 * 3_600_000).toISOString() })).toEqual([old.paymentId]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("state file", () => {
  it("keeps payments, pre-registrations and billing keys across a restart", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "portone-emulator-"));
    const stateFile = path.join(folder, "not-yet-created", "state.json");
    try {
      const first = await startTestEmulator({ webhookUrl: "", stateFile });
      const { paymentId } = await payThroughCheckout(first);
      await paymentClient(first).preRegisterPayment({ paymentId: "kept-pre", totalAmount: 3_000 });
      await first.close();

      const second = await startTestEmulator({ webhookUrl: "", stateFile });
      try {
        expect(await paymentClient(second).getPayment({ paymentId })).toMatchObject({ status: "PAID" });
        const next = await payThroughCheckout(second);
        expect(next.paymentId).not.toBe(paymentId);
        const listed = await paymentClient(second).getAllPaymentsByCursor({});
        expect(listed.items).toHaveLength(2);
        const mismatch = await openCheckout(second, paymentRequest({ paymentId: "kept-pre", totalAmount: 1_000 }));
        expect(mismatch.body).toMatchObject({ code: "AmountNotEqualToPredefined" });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("environment", () => {
  it("reads PORTONE_EMULATOR_* variables and leaves the rest to the defaults", () => {
    const overrides = configFromEnv({
      PORTONE_EMULATOR_PORT: "4110",
      PORTONE_EMULATOR_RETRY_SCALE: "0.01",
      PORTONE_EMULATOR_WEBHOOK_SECRETS: "whsec_a, whsec_b",
      PORTONE_EMULATOR_WEBHOOK_URL: "",
    });
    expect(overrides).toMatchObject({
      port: 4110,
      retryScale: 0.01,
      webhookSecrets: ["whsec_a", "whsec_b"],
      webhookUrl: "",
    });
    expect(overrides.storeId).toBeUndefined();
    expect(() => configFromEnv({ PORTONE_EMULATOR_PORT: "many" })).toThrow(/PORTONE_EMULATOR_PORT/);
  });
});
