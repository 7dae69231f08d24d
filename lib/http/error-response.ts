import "server-only";
import { log } from "@/lib/observability/log";
import { ApiError, errorAnswer } from "./api-error";

/** Answers an ApiError with its code; anything else is a bug, logged, and shows no internals. */
export function errorResponse(error: unknown): Response {
  if (!(error instanceof ApiError)) log.error({ err: error }, "route handler failed");
  const { status, body } =
    error instanceof ApiError
      ? errorAnswer(error.code, error.message)
      : errorAnswer("internal_error", "일시적인 오류입니다. 잠시 후 다시 시도해 주세요.");
  return Response.json(body, { status });
}
