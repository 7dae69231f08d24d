import { randomBytes, randomUUID } from "node:crypto";

// PortOne ids are opaque strings; these follow the shapes seen in real responses.
export const newTransactionId = () => randomUUID();
export const newCancellationId = () => randomUUID();
export const newWebhookId = () => `msg_${randomBytes(12).toString("hex")}`;
export const newBillingKey = () => `billing-key-${randomUUID()}`;
export const newPgTxId = () => `emul_${randomBytes(10).toString("hex")}`;
export const newToken = () => randomBytes(32).toString("base64url");

export function newAccountNumber(): string {
  const digits = Array.from(randomBytes(14), (byte) => String(byte % 10)).join("");
  return `${digits.slice(0, 3)}${digits.slice(3, 14)}`;
}
