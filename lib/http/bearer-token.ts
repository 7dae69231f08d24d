import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError, type ApiErrorCode } from "./api-error";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Checks `Authorization: Bearer <expected>`. Digests are compared in constant time, so neither
 * the secret's content nor its length leaks through timing. No secret configured: the endpoint
 * answers 404 as if it did not exist.
 */
export function requireBearerToken(
  request: Request,
  expected: string | undefined,
  names: { disabled: ApiErrorCode; invalid: ApiErrorCode },
): void {
  if (!expected) throw new ApiError(names.disabled, "This endpoint is not configured.");
  const presented = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(presented), digest(expected)))
    throw new ApiError(names.invalid, "Missing or wrong bearer token.");
}
