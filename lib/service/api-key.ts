import "server-only";
import { env } from "@/lib/env";
import { requireBearerToken } from "@/lib/http/bearer-token";

/** Checks `Authorization: Bearer <POINTS_SERVICE_API_KEY>` for the service API. */
export function requireServiceKey(request: Request): void {
  requireBearerToken(request, env.POINTS_SERVICE_API_KEY, {
    disabled: "service_api_disabled",
    invalid: "invalid_api_key",
  });
}
