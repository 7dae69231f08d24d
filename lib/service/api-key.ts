import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Checks `Authorization: Bearer <POINTS_SERVICE_API_KEY>`. Digests are compared in constant time,
 * so neither the key's content nor its length leaks through timing.
 */
export function requireServiceKey(request: Request): void {
  if (!env.POINTS_SERVICE_API_KEY) throw new ApiError(404, "service_api_disabled", "The service API is not configured.");
  const presented = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(presented), digest(env.POINTS_SERVICE_API_KEY))) {
    throw new ApiError(401, "invalid_api_key", "Missing or wrong service API key.");
  }
}
