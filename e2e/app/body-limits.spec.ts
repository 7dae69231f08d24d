import { expect, test, type APIRequestContext } from "@playwright/test";
import { postChunked } from "../support/chunked-upload";
import { serverActionId } from "../support/server-actions";
import { E2E_APP_URL } from "../support/stack-urls";

const TEN_MB = 10 * 1024 * 1024;
// Generous for two shared cores; reading and parsing 10 MB before refusing takes far longer.
const PROMPT_MS = 3_000;

const API_ENDPOINTS = [
  { path: "/api/webhooks/portone", contentType: "application/json" },
  { path: "/api/auth/callback/credentials", contentType: "application/x-www-form-urlencoded" },
  { path: "/api/payments/complete", contentType: "application/json" },
  { path: "/api/points/spend", contentType: "application/json" },
  { path: "/api/reconcile", contentType: "application/json" },
];

const signUpAction = () => ({
  path: "/sign-up",
  contentType: "text/plain;charset=UTF-8",
  extra: { "Next-Action": serverActionId("app/(auth)/actions.ts", "signUpAction"), Origin: E2E_APP_URL },
});

async function timedHealth(request: APIRequestContext): Promise<{ status: number; elapsedMs: number }> {
  const started = Date.now();
  const response = await request.get("/api/health");
  return { status: response.status(), elapsedMs: Date.now() - started };
}

test("a 10 MB body is refused with 413 at once on every public endpoint while health answers", async ({ request }) => {
  const body = Buffer.alloc(TEN_MB, "a");
  const action = signUpAction();
  const targets = [...API_ENDPOINTS.map((endpoint) => ({ ...endpoint, extra: {} })), action];
  const [answers, health] = await Promise.all([
    Promise.all(
      targets.map(async ({ path, contentType, extra }) => {
        const started = Date.now();
        const response = await request.post(path, {
          data: body,
          headers: { "Content-Type": contentType, ...extra },
          maxRedirects: 0,
        });
        return { path, status: response.status(), prompt: Date.now() - started < PROMPT_MS };
      }),
    ),
    timedHealth(request),
  ]);
  expect(answers).toEqual(targets.map(({ path }) => ({ path, status: 413, prompt: true })));
  expect(health.status).toBe(200);
  expect(health.elapsedMs).toBeLessThan(PROMPT_MS);
});

test("a chunked 10 MB upload without Content-Length is cut off at the cap while health answers", async ({
  request,
}) => {
  const action = signUpAction();
  const uploads = Promise.all([
    ...API_ENDPOINTS.map(({ path, contentType }) =>
      postChunked(path, TEN_MB, { "Content-Type": contentType }).then((answer) => ({ path, ...answer })),
    ),
    postChunked(action.path, TEN_MB, { "Content-Type": action.contentType, ...action.extra }).then((answer) => ({
      path: action.path,
      ...answer,
    })),
  ]);
  const health = await timedHealth(request);
  const answers = await uploads;

  // Pages refuse an upload of unknown length outright (411): browsers always send the length.
  const expected = [...API_ENDPOINTS.map(({ path }) => ({ path, status: 413 })), { path: action.path, status: 411 }];
  expect(answers.map(({ path, status }) => ({ path, status }))).toEqual(expected);
  for (const answer of answers) expect(answer.elapsedMs, answer.path).toBeLessThan(PROMPT_MS);
  expect(health.status).toBe(200);
  expect(health.elapsedMs).toBeLessThan(PROMPT_MS);
});

test("bodies of ordinary size still reach the endpoints", async ({ request }) => {
  const webhook = await request.post("/api/webhooks/portone", { data: { type: "Transaction.Paid" } });
  expect(webhook.status()).toBe(400);
  const completion = await request.post("/api/payments/complete", { data: { paymentId: "pc-anything" } });
  expect(completion.status()).toBe(401);
  const reconcile = await request.post("/api/reconcile", { data: {} });
  expect(reconcile.status()).toBe(401);
});
