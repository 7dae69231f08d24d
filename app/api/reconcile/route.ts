import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/error-response";
import { requireBearerToken } from "@/lib/http/bearer-token";
import { BODY_LIMITS, readLimitedBody } from "@/lib/http/limited-body";
import { JobBusyError } from "@/lib/maintenance/lease";
import { withRequestId } from "@/lib/observability/request-id";
import { DEFAULT_RECONCILE_OPTIONS, reconcile } from "@/lib/payments/reconcile";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

const optionsSchema = z.object({
  staleAfterMinutes: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(DEFAULT_RECONCILE_OPTIONS.staleAfterMinutes),
  windowHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(DEFAULT_RECONCILE_OPTIONS.windowHours),
  // Any value but "false" or "0" asks for it: ?fullLedgerCheck=1.
  fullLedgerCheck: z
    .string()
    .optional()
    .transform((value) => value !== undefined && value !== "false" && value !== "0"),
});

/**
 * Reconciliation for a scheduler (cron, Vercel Cron, a CI schedule): `Authorization: Bearer
 * <CRON_SECRET>`. Answers the run's summary; 200 even when it found problems, which the summary
 * lists, so the scheduler's logs hold them; 409 `reconcile_running` when another run is at work.
 */
async function handle(request: Request) {
  try {
    // Options come from the query; a body is never used, but an unbounded one is still refused.
    await readLimitedBody(request, BODY_LIMITS.reconcile);
    requireBearerToken(request, env.CRON_SECRET, { disabled: "reconcile_disabled", invalid: "invalid_cron_secret" });
    const parsed = optionsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success)
      throw new ApiError(
        "invalid_request",
        parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
      );
    return Response.json(await reconcile(parsed.data));
  } catch (error) {
    if (error instanceof JobBusyError) {
      // In the request's language, as all our messages (a scheduler that sends none gets Korean);
      // programs read the code.
      const t = await getTranslations("serverErrors");
      return errorResponse(
        new ApiError(
          "reconcile_running",
          error.heldUntil
            ? t("reconcileRunningUntil", { until: error.heldUntil.toISOString() })
            : t("reconcileRunning"),
        ),
      );
    }
    return errorResponse(error);
  }
}

const withId = (request: Request) => withRequestId(request, () => handle(request));

export const GET = withId;
export const POST = withId;
