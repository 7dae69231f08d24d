import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";
import { PortOneAnswerError, PortOneTimeoutError, portoneRead, portoneWrite } from "../call";

/**
 * V1's answer with a non-zero `code` (or a non-2xx status): a refusal when the status is below
 * 500, so the same again if asked; a 5xx may be gone on the next try.
 */
export class PortOneV1Error extends PortOneAnswerError {
  constructor(
    readonly httpStatus: number,
    readonly code: number | null,
    readonly v1Message: string,
  ) {
    super(
      `PortOne V1 answered ${httpStatus} (code ${code ?? "none"}): ${v1Message}`,
      `V1_HTTP_${httpStatus}`,
      httpStatus >= 500,
    );
    this.name = "PortOneV1Error";
  }

  get notFound(): boolean {
    return this.httpStatus === 404;
  }
}

export interface V1Credentials {
  apiUrl: string;
  impKey: string;
  impSecret: string;
}

interface Envelope<T> {
  code?: unknown;
  message?: unknown;
  response?: T | null;
}

interface CachedToken {
  value: string;
  /** Our own clock: the moment to ask for a new one, shortly before V1's expiry. */
  renewAt: number;
}

// A token is renewed a minute before it expires (a tenth of its life when that is shorter, as in
// tests), so no request goes out with one that expires on the way.
const RENEW_BEFORE_MS = 60_000;

/**
 * PortOne V1's REST API (api.iamport.kr): every answer is `{code, message, response}`, and every
 * call but getToken carries an access token. The token is kept per process until shortly before
 * its expiry and asked for again on a 401 (V1 revokes tokens, e.g. when a key is reissued).
 * Lookups go through portoneRead (timeout, retries), changes through portoneWrite (asked once).
 */
export class PortOneV1Client {
  private token: CachedToken | undefined;
  private pendingToken: Promise<string> | undefined;
  /** How many tokens this client asked V1 for (the tests read it). */
  tokenRequests = 0;

  constructor(private readonly credentials: V1Credentials) {}

  read<T>(operation: string, path: string, paymentId?: string): Promise<T> {
    return portoneRead({ operation, paymentId }, () =>
      this.authorized<T>("GET", path, undefined, env.PORTONE_API_TIMEOUT_MS),
    );
  }

  write<T>(
    operation: string,
    path: string,
    body: Record<string, unknown>,
    options: { paymentId?: string; timeoutMs?: number } = {},
  ): Promise<T> {
    const timeoutMs = options.timeoutMs ?? env.PORTONE_API_TIMEOUT_MS;
    return portoneWrite(
      { operation, paymentId: options.paymentId },
      () => this.authorized<T>("POST", path, body, timeoutMs),
      timeoutMs,
    );
  }

  private async authorized<T>(method: string, path: string, body: unknown, timeoutMs: number): Promise<T> {
    const token = await this.accessToken(timeoutMs);
    try {
      return await this.send<T>(method, path, body, token, timeoutMs);
    } catch (error) {
      // A 401 means the request was not carried out: safe to send once more, with a new token.
      if (!(error instanceof PortOneV1Error) || error.httpStatus !== 401) throw error;
      if (this.token?.value === token) this.token = undefined;
      log.info({ path }, "PortOne V1 refused the access token; asking for a new one");
      return this.send<T>(method, path, body, await this.accessToken(timeoutMs), timeoutMs);
    }
  }

  private accessToken(timeoutMs: number): Promise<string> {
    if (this.token && Date.now() < this.token.renewAt) return Promise.resolve(this.token.value);
    // Concurrent calls share one request for a token.
    this.pendingToken ??= this.issueToken(timeoutMs).finally(() => {
      this.pendingToken = undefined;
    });
    return this.pendingToken;
  }

  private async issueToken(timeoutMs: number): Promise<string> {
    this.tokenRequests += 1;
    const issued = await this.send<{ access_token: string; expired_at: number; now: number }>(
      "POST",
      "/users/getToken",
      { imp_key: this.credentials.impKey, imp_secret: this.credentials.impSecret },
      undefined,
      timeoutMs,
    );
    // V1's expired_at and now are its own clock (unix seconds): only their difference is used.
    const lifetimeMs = Math.max(0, (issued.expired_at - issued.now) * 1000);
    const renewAt = Date.now() + lifetimeMs - Math.min(RENEW_BEFORE_MS, lifetimeMs / 10);
    this.token = { value: issued.access_token, renewAt };
    return issued.access_token;
  }

  private async send<T>(
    method: string,
    path: string,
    body: unknown,
    token: string | undefined,
    timeoutMs: number,
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token !== undefined) headers.Authorization = token;
    let response: Response;
    try {
      response = await fetch(new URL(path, this.credentials.apiUrl), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        // Unlike the V2 SDK, our own fetch can be stopped, so a hung request frees its socket.
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === "TimeoutError")
        throw new PortOneTimeoutError(path, timeoutMs);
      throw error;
    }
    return unwrap<T>(response, await response.text());
  }
}

/** The envelope's response, or a PortOneV1Error for a non-zero code or a non-2xx status. */
function unwrap<T>(response: Response, text: string): T {
  let envelope: Envelope<T> | undefined;
  try {
    envelope = JSON.parse(text) as Envelope<T>;
  } catch (error) {
    // A proxy's HTML error page: a 5xx is transient by its status; a 2xx that is not JSON is a SyntaxError (transient too).
    if (response.ok) throw error;
  }
  const code = typeof envelope?.code === "number" ? envelope.code : null;
  const message = typeof envelope?.message === "string" ? envelope.message : response.statusText;
  if (!response.ok || code !== 0) throw new PortOneV1Error(response.status, code, message);
  return envelope!.response as T;
}
