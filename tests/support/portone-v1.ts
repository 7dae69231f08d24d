import type { RunningEmulator } from "portone-emulator";

// PortOne V1 (I'mport) through the emulator over HTTP, as iamport.js and its window do: the app's
// V1 adapter is tested against these payments.

/** The PG a V1 store names per pay method (request_pay's `pg`): it plays the V2 channel key's part. */
export const V1_TEST_PG = "html5_inicis.INIpayTest";

/** App variables that make the V1 adapter the store's provider, against this emulator. */
export function v1AppEnv(emulator: RunningEmulator): Record<string, string> {
  return {
    PORTONE_V1_IMP_CODE: emulator.config.v1ImpCode,
    PORTONE_V1_API_KEY: emulator.config.v1ApiKey,
    PORTONE_V1_API_SECRET: emulator.config.v1ApiSecret,
    PORTONE_V1_API_URL: emulator.url,
    PORTONE_V1_PG_CARD: V1_TEST_PG,
    PORTONE_V1_PG_VIRTUAL_ACCOUNT: V1_TEST_PG,
  };
}

export interface V1WindowRequest {
  merchant_uid: string;
  amount: number;
  pay_method?: string;
  pg?: string;
  name?: string;
}

/**
 * request_pay and the tester's answer in V1's window: "approve" pays (card, transfer), "issue"
 * issues a virtual account, "decline" and "cancel" fail. Returns the attempt's imp_uid.
 */
export async function payAtV1(
  emulator: RunningEmulator,
  request: V1WindowRequest,
  outcome: "approve" | "issue" | "decline" | "cancel" = "approve",
  fields: Record<string, string> = {},
): Promise<string> {
  const opened = await openV1Window(emulator, request);
  if (!opened.ok) throw new Error(`V1's window refused the request: ${JSON.stringify(opened.body)}`);
  const answered = await fetch(`${emulator.url}/v1/checkout/${opened.body.txId}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ outcome, ...fields }).toString(),
    redirect: "manual",
  });
  if (answered.status >= 400) throw new Error(`V1's window failed (${answered.status})`);
  return opened.body.imp_uid!;
}

/** Opens V1's window (IMP.request_pay); a refusal (a prepared amount that differs, say) is `ok: false`. */
export async function openV1Window(emulator: RunningEmulator, request: V1WindowRequest) {
  const response = await fetch(`${emulator.url}/v1/checkout-api/payments`, {
    method: "POST",
    body: JSON.stringify({
      impCode: emulator.config.v1ImpCode,
      params: { pg: V1_TEST_PG, pay_method: "card", name: "포인트 충전", ...request },
      parentOrigin: "http://localhost:3000",
    }),
  });
  const body = (await response.json()) as { txId?: string; imp_uid?: string; result?: Record<string, unknown> };
  return { ok: response.ok, body };
}

/** The customer's deposit into an issued V1 virtual account (the console's test deposit). */
export async function depositAtV1(emulator: RunningEmulator, impUid: string): Promise<void> {
  const response = await fetch(`${emulator.url}/__emulator/v1/payments/${impUid}/deposit`, { method: "POST" });
  if (!response.ok) throw new Error(`V1 deposit refused: ${response.status}`);
}

/** Forgets every V1 payment and token, as if V1 had revoked them. */
export async function resetV1(emulator: RunningEmulator): Promise<void> {
  const response = await fetch(`${emulator.url}/__emulator/v1/reset`, { method: "POST" });
  if (!response.ok) throw new Error(`V1 reset refused: ${response.status}`);
}
