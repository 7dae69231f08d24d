import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { ledgerInvariantViolations, moneySnapshot, userIdOf } from "../support/db";
import { sendSignedWebhook } from "../support/emulator";
import { expect, test } from "../support/fixtures";
import { headerText, hostileForm, hostileString, hostileValue, urlSegment } from "../support/hostile-values";
import { callServerAction, serverActionId } from "../support/server-actions";
import { E2E_APP_URL, E2E_SERVICE_API_KEY } from "../support/stack-urls";

// FUZZ_SEED=<n> replays a run; FUZZ_RUNS=<n> sets the requests per probe.
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const CONCURRENCY = 4;

type Send = () => Promise<Response>;
interface Probe {
  name: string;
  requests: fc.Arbitrary<{ input: unknown; send: Send }>;
}

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${E2E_APP_URL}${path}`, { headers, redirect: "manual" });
const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${E2E_APP_URL}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body,
    redirect: "manual",
  });
const jsonOr = (value: unknown) => fc.oneof(fc.constant(JSON.stringify(value)), hostileString);
const probe = <T>(name: string, input: fc.Arbitrary<T>, send: (input: T) => Promise<Response>): Probe => ({
  name,
  requests: input.map((value) => ({ input: value, send: () => send(value) })),
});

function probes(session: { cookie: string; userId: string; paymentPage: string }): Probe[] {
  const signedIn = { cookie: session.cookie };
  const action = (file: string, name: string) => serverActionId(file, name);
  const auth = "app/(auth)/actions.ts";
  const formActions = [
    { id: action(auth, "signInAction"), page: "/sign-in", fields: ["email", "password", "callbackUrl"] },
    { id: action(auth, "signUpAction"), page: "/sign-up", fields: ["name", "email", "password", "callbackUrl"] },
    { id: action("app/shop/actions.ts", "buyItemAction"), page: "/shop", fields: ["itemId"] },
    {
      id: action("app/payments/[paymentId]/actions.ts", "refundAction"),
      page: session.paymentPage,
      fields: ["paymentId", "confirmedAmount"],
    },
    {
      id: action("app/payments/[paymentId]/actions.ts", "refundToAccountAction"),
      page: session.paymentPage,
      fields: ["paymentId", "confirmedAmount", "bank", "number", "holderName"],
    },
    {
      id: action("app/payments/[paymentId]/actions.ts", "closeDepositAction"),
      page: session.paymentPage,
      fields: ["paymentId"],
    },
  ];
  const objectActions = [
    {
      id: action("app/charge/actions.ts", "startCheckoutAction"),
      page: "/charge",
      fields: ["packageId", "payOptionId"],
    },
    { id: action("app/charge/actions.ts", "completePaymentAction"), page: "/charge", fields: ["paymentId"] },
    { id: action(auth, "signInWithProviderAction"), page: "/sign-in", fields: ["provider", "callbackUrl"] },
  ];
  const anyAction = fc.constantFrom(...formActions, ...objectActions);

  return [
    probe(
      "completion",
      fc.oneof(
        jsonOr({ paymentId: "pc-x" }),
        hostileValue.map((paymentId) => JSON.stringify({ paymentId })),
      ),
      (body) => postJson("/api/payments/complete", body, signedIn),
    ),
    probe(
      "service spend",
      fc.record({
        key: fc.option(headerText, { nil: undefined }),
        userId: fc.oneof(fc.uuid(), hostileValue, fc.constant(session.userId)),
        // Never a spend that could succeed: the user has 1,000 points (hostile values include
        // plain integers, so a whole number of 1 to 1,000 is left out of them too).
        amount: fc.oneof(
          hostileValue.filter(
            (value) => !(Number.isInteger(value) && (value as number) > 0 && (value as number) <= 1_000),
          ),
          fc.integer({ min: 1_001, max: 2 ** 40 }),
        ),
        description: hostileValue,
      }),
      ({ key, ...body }) =>
        postJson("/api/points/spend", JSON.stringify(body), {
          Authorization: `Bearer ${E2E_SERVICE_API_KEY}`,
          ...(key ? { "Idempotency-Key": key } : {}),
        }),
    ),
    probe(
      "unsigned webhook",
      fc.record({
        body: fc.oneof(
          hostileString,
          hostileValue.map((data) => JSON.stringify({ type: "Transaction.Paid", data })),
        ),
        id: headerText,
        signature: headerText,
      }),
      ({ body, id, signature }) =>
        postJson("/api/webhooks/portone", body, {
          "webhook-id": id,
          "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
          "webhook-signature": signature,
        }),
    ),
    probe(
      "signed webhook of a hostile body",
      fc.record({ type: fc.oneof(hostileString, fc.constant("Transaction.Paid")), paymentId: hostileString }),
      ({ type, paymentId }) => sendSignedWebhook({ webhookId: randomUUID(), type, paymentId }),
    ),
    probe(
      "credentials sign-in",
      fc.record({
        csrfToken: hostileString,
        email: hostileString,
        password: hostileString,
        callbackUrl: hostileString,
        cookie: headerText,
      }),
      ({ cookie, ...form }) =>
        fetch(`${E2E_APP_URL}/api/auth/callback/credentials`, {
          method: "POST",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            cookie: `authjs.csrf-token=${cookie}; authjs.callback-url=${cookie}`,
          },
          body: new URLSearchParams(form),
          redirect: "manual",
        }),
    ),
    probe(
      "auth paths",
      fc.tuple(fc.constantFrom("", "callback/", "signin/", "signout/", "error/"), urlSegment),
      ([prefix, segment]) => get(`/api/auth/${prefix}${segment}`),
    ),
    probe(
      "hostile cookies",
      fc.record({
        path: fc.constantFrom(
          "/",
          "/sign-in",
          "/history",
          "/api/auth/session",
          "/api/auth/signin",
          "/api/auth/csrf",
          "/api/auth/providers",
        ),
        name: fc.constantFrom(
          "authjs.callback-url",
          "authjs.session-token",
          "authjs.csrf-token",
          "authjs.pkce.code_verifier",
          "%",
        ),
        value: headerText,
      }),
      ({ path, name, value }) => get(path, { cookie: `${name}=${value}` }),
    ),
    probe(
      "hostile page paths and queries",
      fc.tuple(
        fc.constantFrom(
          "/payments/",
          "/charge/result?paymentId=",
          "/sign-in?callbackUrl=",
          "/sign-up?callbackUrl=",
          "/history?cursor=",
          "/admin?q=",
        ),
        urlSegment,
      ),
      ([prefix, segment]) => get(`${prefix}${segment}`, signedIn),
    ),
    probe(
      "form actions with hostile fields",
      fc
        .constantFrom(...formActions)
        .chain((target) => fc.record({ target: fc.constant(target), form: hostileForm(target.fields) })),
      ({ target, form }) =>
        callServerAction({ page: target.page, actionId: target.id, args: [{}, form], headers: signedIn }),
    ),
    probe(
      "actions with arguments that are not forms",
      fc.record({ target: anyAction, args: fc.array(hostileValue, { maxLength: 3 }) }),
      ({ target, args }) => callServerAction({ page: target.page, actionId: target.id, args, headers: signedIn }),
    ),
    probe(
      "object actions with hostile fields",
      fc
        .constantFrom(...objectActions)
        .chain((target) =>
          fc.record({ target: fc.constant(target), values: fc.tuple(...target.fields.map(() => hostileValue)) }),
        ),
      ({ target, values }) =>
        callServerAction({
          page: target.page,
          actionId: target.id,
          args: [Object.fromEntries(target.fields.map((field, index) => [field, values[index]]))],
          headers: signedIn,
        }),
    ),
    probe(
      "undecodable action bodies",
      fc.record({
        target: anyAction,
        body: hostileString,
        contentType: fc.constantFrom(
          "text/plain;charset=UTF-8",
          "multipart/form-data; boundary=x",
          "multipart/form-data",
          "application/json",
        ),
      }),
      ({ target, body, contentType }) =>
        callServerAction({ page: target.page, actionId: target.id, rawBody: { body, contentType }, headers: signedIn }),
    ),
    probe(
      "cross-origin actions",
      fc.record({
        target: anyAction,
        origin: fc.constantFrom("https://evil.example", "null", "http://localhost:3100.evil.example"),
      }),
      ({ target, origin }) =>
        callServerAction({
          page: target.page,
          actionId: target.id,
          args: [{}, new FormData()],
          headers: { ...signedIn, Origin: origin },
        }),
    ),
  ];
}

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

const describe = (input: unknown) => {
  const text =
    JSON.stringify(input, (_key, value: unknown) => (value instanceof FormData ? Object.fromEntries(value) : value)) ??
    String(input);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

test("hostile input on every public endpoint and action: no 5xx, nothing moves", async ({ page, user, charge }) => {
  test.setTimeout(180_000);
  console.log(`hostile-input fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${RUNS} requests per probe`);
  test.info().annotations.push({ type: "seed", description: String(SEED) });

  const paymentId = await charge.chargeByCard("1,000 P");
  const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  const session = { cookie, userId: await userIdOf(user.email), paymentPage: `/payments/${paymentId}` };
  const before = await moneySnapshot();

  const requests = probes(session).flatMap((target, index) =>
    fc
      .sample(target.requests, { seed: SEED + index, numRuns: RUNS })
      .map((request) => ({ probe: target.name, ...request })),
  );
  const serverErrors: { probe: string; status: number; input: string }[] = [];
  const started = Date.now();
  await inPool(requests, CONCURRENCY, async (request) => {
    const response = await request.send();
    await response.arrayBuffer();
    if (response.status >= 500)
      serverErrors.push({ probe: request.probe, status: response.status, input: describe(request.input) });
  });
  console.log(
    `hostile-input fuzz: ${requests.length} requests in ${Date.now() - started} ms, ${serverErrors.length} answered 5xx`,
  );

  expect(serverErrors, `seed ${SEED}`).toEqual([]);
  expect(await moneySnapshot()).toEqual(before);
  expect(await ledgerInvariantViolations()).toEqual([]);
});
