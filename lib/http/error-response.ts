import "server-only";
import { getTranslations } from "next-intl/server";
import { log } from "@/lib/observability/log";
import { ApiError, errorAnswer } from "./api-error";

/**
 * Answers an ApiError with its code; anything else is a bug, logged, and shows no internals, in
 * the request's language (a buyer's page may show it; a program reads the code).
 */
export async function errorResponse(error: unknown): Promise<Response> {
  if (error instanceof ApiError) {
    const { status, body } = errorAnswer(error.code, error.message);
    return Response.json(body, { status });
  }
  log.error({ err: error }, "route handler failed");
  const { status, body } = errorAnswer("internal_error", (await getTranslations("serverErrors"))("internal"));
  return Response.json(body, { status });
}
