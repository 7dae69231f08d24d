import { PaymentClient } from "@portone/server-sdk";
import { emulatorDefaults, webhookHeaders } from "portone-emulator";
import { E2E_APP_URL, E2E_EMULATOR_URL } from "./stack-urls";

/** PortOne's side of the test stack: its REST API, its control API and its webhook signer. */
export const portone = PaymentClient({ secret: emulatorDefaults.apiSecret, baseUrl: E2E_EMULATOR_URL });

async function control(path: string, body?: unknown, method = body === undefined ? "GET" : "POST"): Promise<unknown> {
  const response = await fetch(`${E2E_EMULATOR_URL}/__emulator${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

export const emulatorControl = {
  dropWebhooks: (paymentId: string, count = 10) => control("/faults/webhooks", { paymentId, mode: "drop", count }),
  /** The payment's next `count` API calls (to `endpoint` only, when given) fail (`kind: "error"`) or answer late (`"hang"`). */
  faultApi: (fault: {
    paymentId: string;
    kind: "error" | "hang";
    status?: number;
    hangMs?: number;
    count?: number;
    endpoint?: string;
  }) => control("/faults/api", fault),
  /** The payment's next API cancel is carried out later by the PG (`pending`, settling after `settleAfterMs`) or refused (`fail`). */
  faultCancellations: (fault: {
    paymentId: string;
    outcome: "pending" | "fail";
    settle?: "succeed" | "fail";
    settleAfterMs?: number;
  }) => control("/faults/cancellations", fault),
  /** A payment schedule's time comes now: PortOne charges it (and sends its webhooks). */
  runSchedule: (scheduleId: string) => control(`/payment-schedules/${encodeURIComponent(scheduleId)}/run`, {}),
  clearFaults: (paymentId: string) =>
    control(`/faults?paymentId=${encodeURIComponent(paymentId)}`, undefined, "DELETE"),
};

/** Sends a webhook to the app as PortOne would, signed with the emulator's secrets. */
export async function sendSignedWebhook(options: {
  webhookId: string;
  type: string;
  paymentId: string;
  secrets?: string[];
  timestampMs?: number;
  tamper?: (body: string) => string;
  /** Another app than the test stack's (e2e/topology aims at each instance). */
  appUrl?: string;
}): Promise<Response> {
  const body = JSON.stringify({
    type: options.type,
    timestamp: new Date().toISOString(),
    data: { storeId: emulatorDefaults.storeId, paymentId: options.paymentId, transactionId: "tx-test" },
  });
  const headers = webhookHeaders(
    options.secrets ?? emulatorDefaults.webhookSecrets,
    options.webhookId,
    body,
    options.timestampMs,
  );
  return fetch(`${options.appUrl ?? E2E_APP_URL}/api/webhooks/portone`, {
    method: "POST",
    headers,
    body: options.tamper ? options.tamper(body) : body,
  });
}

export { emulatorDefaults };
