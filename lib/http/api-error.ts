/** The one error type of our route handlers: a code the client can rely on, and its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Answers an ApiError with its code; anything else is a bug and shows no internals. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) return Response.json({ error: error.code, message: error.message }, { status: error.status });
  console.error(error);
  return Response.json({ error: "internal_error", message: "일시적인 오류입니다. 잠시 후 다시 시도해 주세요." }, { status: 500 });
}
