import type { IncomingMessage } from "node:http";
import { newToken } from "../../domain/ids.js";
import type { V1Config } from "../v1-config.js";
import { v1BadRequest, V1Error, v1String, v1Unauthorized } from "./v1-http.js";

/**
 * V1 access tokens. PortOne keeps one token per API key: asking again before it expires returns
 * the same token and expiry, and a request in its last minute extends it by five minutes. The
 * emulator scales that minute and those five to the configured lifetime (1/30 and 1/6 of it).
 */
export class V1Tokens {
  private current: { token: string; expiresAt: number } | undefined;
  private readonly valid = new Map<string, number>();

  constructor(private readonly config: V1Config) {}

  issue(body: Record<string, unknown>): { access_token: string; expired_at: number; now: number } {
    const key = v1String(body, "imp_key");
    const secret = v1String(body, "imp_secret");
    if (key === undefined || secret === undefined) throw v1BadRequest("imp_key와 imp_secret이 필요합니다.");
    if (key !== this.config.v1ApiKey || secret !== this.config.v1ApiSecret)
      throw new V1Error(401, "imp_key, imp_secret 인증에 실패하였습니다.", -1);
    const now = Date.now();
    const ttl = this.config.v1TokenTtlMs;
    if (this.current && this.current.expiresAt > now) {
      if (this.current.expiresAt - now < ttl / 30) this.current.expiresAt += ttl / 6;
    } else {
      this.current = { token: newToken().slice(0, 40), expiresAt: now + ttl };
    }
    this.valid.set(this.current.token, this.current.expiresAt);
    return {
      access_token: this.current.token,
      expired_at: Math.floor(this.current.expiresAt / 1000),
      now: Math.floor(now / 1000),
    };
  }

  /** The token a request carries: `Authorization: <token>`, `Bearer <token>` or X-ImpTokenHeader. */
  static presented(req: IncomingMessage): string | undefined {
    const header = req.headers.authorization ?? (req.headers["x-imptokenheader"] as string | undefined) ?? "";
    const token = header.replace(/^Bearer\s+/i, "").trim();
    return token === "" ? undefined : token;
  }

  isKnown(token: string | undefined): boolean {
    return token !== undefined && this.valid.has(token);
  }

  /** Missing, unknown and expired tokens all answer 401, as PortOne's reference says. */
  require(req: IncomingMessage): void {
    const token = V1Tokens.presented(req);
    const expiresAt = token === undefined ? undefined : this.valid.get(token);
    if (expiresAt === undefined || expiresAt <= Date.now()) throw v1Unauthorized();
  }

  clear(): void {
    this.current = undefined;
    this.valid.clear();
  }
}
