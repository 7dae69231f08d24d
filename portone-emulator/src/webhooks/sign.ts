import { createHmac } from "node:crypto";

// Standard Webhooks, as PortOne V2 signs: HMAC-SHA256 over "{id}.{timestamp}.{body}" with the
// base64-decoded secret (the whsec_ prefix is not part of the key). One v1 entry per active
// secret, space-separated, so a receiver that knows any one of them can verify.
export function signatureHeader(secrets: string[], webhookId: string, timestampSeconds: number, body: string): string {
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
      const mac = createHmac("sha256", key).update(`${webhookId}.${timestampSeconds}.${body}`).digest("base64");
      return `v1,${mac}`;
    })
    .join(" ");
}

export function webhookHeaders(
  secrets: string[],
  webhookId: string,
  body: string,
  now = Date.now(),
): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    "Content-Type": "application/json",
    "User-Agent": "PortOne-Emulator-Webhook/2024-04-25",
    "webhook-id": webhookId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signatureHeader(secrets, webhookId, timestamp, body),
  };
}
