import { randomUUID } from "node:crypto";
import { E2E_APP_URL, E2E_SERVICE_API_KEY } from "./stack-urls";

/**
 * The host service spends a user's points through the service API, as a game or shop backend
 * does (README "Spending points"); `baseUrl` another instance than the suite's app.
 */
export function spendAsService(
  spend: { userId: string; amount: number; description: string },
  { idempotencyKey = randomUUID(), baseUrl = E2E_APP_URL }: { idempotencyKey?: string; baseUrl?: string } = {},
): Promise<Response> {
  return fetch(`${baseUrl}/api/points/spend`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${E2E_SERVICE_API_KEY}`,
      "Idempotency-Key": idempotencyKey,
      "Content-Type": "application/json",
    },
    body: JSON.stringify(spend),
  });
}
