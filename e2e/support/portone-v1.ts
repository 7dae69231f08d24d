import { emulatorDefaults } from "portone-emulator";
import { E2E_EMULATOR_URL } from "./stack-urls";

// PortOne V1's REST API on the test stack's emulator, as the store's own server would call it.

async function v1Token(): Promise<string> {
  const response = await fetch(`${E2E_EMULATOR_URL}/users/getToken`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ imp_key: emulatorDefaults.v1ApiKey, imp_secret: emulatorDefaults.v1ApiSecret }),
  });
  const body = (await response.json()) as { response: { access_token: string } };
  return body.response.access_token;
}

async function v1Call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${E2E_EMULATOR_URL}${path}`, {
    method,
    headers: { "Content-Type": "application/json", Authorization: await v1Token() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as { code: number; message: string | null; response: T };
  if (answer.code !== 0) throw new Error(`V1 ${method} ${path}: ${answer.message}`);
  return answer.response;
}

export interface V1PaymentAnswer {
  imp_uid: string;
  merchant_uid: string;
  status: string;
  amount: number;
  cancel_amount: number;
  pay_method: string;
  pg_provider: string;
  channel: string;
}

/** The attempt V1 reports for one of our orders (its paid one when there is one). */
export const v1PaymentOf = (merchantUid: string) =>
  v1Call<V1PaymentAnswer>("GET", `/payments/find/${encodeURIComponent(merchantUid)}`);

/** Changes the amount V1 expects for an order, as a PG that ignores the store's preparation would. */
export const reprepareAtV1 = (merchantUid: string, amount: number) =>
  v1Call("PUT", "/payments/prepare", { merchant_uid: merchantUid, amount });

/** The customer's deposit into an issued V1 virtual account (the console's test deposit). */
export async function depositAtV1(impUid: string): Promise<void> {
  const response = await fetch(`${E2E_EMULATOR_URL}/__emulator/v1/payments/${impUid}/deposit`, { method: "POST" });
  if (!response.ok) throw new Error(`V1 deposit refused: ${response.status}`);
}
