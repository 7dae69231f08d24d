// A PortOne REST error: the body is `{type, message}` with PortOne's UPPER_SNAKE type names.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toBody(): Record<string, unknown> {
    return { type: this.type, message: this.message, ...this.extra };
  }
}

export const invalidRequest = (message: string) => new ApiError(400, "INVALID_REQUEST", message);
export const paymentNotFound = (paymentId: string) =>
  new ApiError(404, "PAYMENT_NOT_FOUND", `결제 건이 존재하지 않습니다: ${paymentId}`);
