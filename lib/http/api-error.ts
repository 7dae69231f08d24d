/**
 * Every code our route handlers answer, with its HTTP status: a throw site names the code and the
 * status follows, so a code cannot be answered with two statuses and an unknown code does not
 * compile. Clients rely on these codes (README documents them).
 */
export const API_ERROR_STATUS = {
  invalid_request: 400,
  idempotency_key_required: 400,
  invalid_signature: 400,
  malformed_path: 400,
  invalid_callback_url: 400,
  unauthenticated: 401,
  invalid_api_key: 401,
  invalid_cron_secret: 401,
  // A V1 notice from an address outside PORTONE_V1_WEBHOOK_SENDERS.
  sender_not_allowed: 403,
  payment_not_found: 404,
  user_not_found: 404,
  // A switched-off endpoint answers as if it did not exist.
  service_api_disabled: 404,
  reconcile_disabled: 404,
  // The V1 notice route of a store on V2.
  v1_webhooks_disabled: 404,
  idempotency_key_reused: 409,
  insufficient_points: 409,
  spending_blocked: 409,
  // Another reconciliation holds the lease; this one did nothing.
  reconcile_running: 409,
  payload_too_large: 413,
  internal_error: 500,
  temporarily_unavailable: 503,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** An answer's status and JSON body, `{ error: code, message, ...details }`. */
export function errorAnswer(code: ApiErrorCode, message: string, details: Record<string, unknown> = {}) {
  return { status: API_ERROR_STATUS[code], body: { error: code, message, ...details } };
}

/** The one error type of our route handlers: a code the client can rely on, its status from the map. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = API_ERROR_STATUS[code];
  }
}
