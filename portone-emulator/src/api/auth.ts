import type { IncomingMessage } from "node:http";
import type { Emulator } from "../context.js";
import { ApiError, invalidRequest } from "../http/api-error.js";
import { newToken } from "../domain/ids.js";

const ACCESS_TOKEN_MS = 30 * 60_000;
const REFRESH_TOKEN_MS = 24 * 60 * 60_000;

/** `Authorization: PortOne <secret>` or `Bearer <token from /login/api-secret>`, else 401. */
export function requireAuth(emulator: Emulator, req: IncomingMessage): void {
  const header = req.headers.authorization ?? "";
  const [scheme, credential] = header.split(/\s+/, 2);
  if (scheme === "PortOne" && credential === emulator.config.apiSecret) return;
  if (scheme === "Bearer" && credential) {
    const expiresAt = emulator.accessTokens.get(credential);
    if (expiresAt !== undefined && expiresAt > Date.now()) return;
  }
  throw new ApiError(401, "UNAUTHORIZED", "인증 정보가 올바르지 않습니다.");
}

/** Given storeId must be the credential's store; PortOne answers 403 otherwise. */
export function requireOwnStore(emulator: Emulator, storeId: unknown): void {
  if (storeId === undefined || storeId === null) return;
  if (typeof storeId !== "string") throw invalidRequest("storeId는 문자열이어야 합니다.");
  if (storeId !== emulator.config.storeId) throw new ApiError(403, "FORBIDDEN", "접근 권한이 없는 상점입니다.");
}

export function issueTokens(emulator: Emulator): { accessToken: string; refreshToken: string } {
  const accessToken = newToken();
  const refreshToken = newToken();
  emulator.accessTokens.set(accessToken, Date.now() + ACCESS_TOKEN_MS);
  emulator.refreshTokens.set(refreshToken, Date.now() + REFRESH_TOKEN_MS);
  return { accessToken, refreshToken };
}

export function loginWithApiSecret(emulator: Emulator, body: Record<string, unknown>) {
  if (typeof body.apiSecret !== "string") throw invalidRequest("apiSecret이 필요합니다.");
  if (body.apiSecret !== emulator.config.apiSecret)
    throw new ApiError(401, "UNAUTHORIZED", "API secret이 올바르지 않습니다.");
  return issueTokens(emulator);
}

export function refreshAccessToken(emulator: Emulator, body: Record<string, unknown>) {
  const token = body.refreshToken;
  // No token at all is a malformed request; a wrong or expired one is unauthorised.
  if (typeof token !== "string" || token === "") throw invalidRequest("refreshToken이 필요합니다.");
  const expiresAt = emulator.refreshTokens.get(token);
  if (expiresAt === undefined || expiresAt < Date.now()) {
    throw new ApiError(401, "UNAUTHORIZED", "리프레시 토큰이 올바르지 않습니다.");
  }
  // Each refresh retires the old refresh token, as PortOne does.
  emulator.refreshTokens.delete(token);
  return issueTokens(emulator);
}
