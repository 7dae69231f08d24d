import type { Router, RouteHandler } from "../../http/router.js";
import { cancelV1Payment } from "../domain/v1-cancel.js";
import { toV1View } from "../domain/v1-payment.js";
import type { V1Context } from "../v1-context.js";
import { page, STATUSES, withinWindow } from "./v1-list.js";
import { readV1Body, sendV1, sendV1Error, V1Error, v1BadRequest, v1Number, v1String } from "./v1-http.js";

// PortOne V1's REST API (api.iamport.kr) at the same root paths, answering `{code, message, response}`.

const notFound = (message: string) => new V1Error(404, message);

/** Catches V1 errors into V1's envelope; `auth` first checks the access token. */
function v1Route(context: V1Context, handler: RouteHandler, auth = true): RouteHandler {
  return async (ctx) => {
    try {
      if (auth) context.tokens.require(ctx.req);
      await handler(ctx);
    } catch (error) {
      if (!(error instanceof V1Error)) throw error;
      sendV1Error(ctx.res, error);
    }
  };
}

function statusParam(value: string | undefined, allowAll: boolean): string | undefined {
  if (value === undefined || value === "" || (allowAll && value === "all")) return undefined;
  if (!(STATUSES as readonly string[]).includes(value) || value === "all")
    throw v1BadRequest(`payment_status 값이 올바르지 않습니다: ${value}`);
  return value;
}

export function registerV1Routes(router: Router, context: V1Context): void {
  const { state } = context;

  router.on(
    "POST",
    "/users/getToken",
    v1Route(context, async ({ req, res }) => sendV1(res, context.tokens.issue(await readV1Body(req))), false),
  );

  router.on(
    "GET",
    "/payments/:imp_uid",
    v1Route(context, ({ res, params }) => {
      const record = state.payments.get(params.imp_uid ?? "");
      if (!record) throw notFound("존재하지 않는 결제정보입니다.");
      sendV1(res, toV1View(record));
    }),
  );

  // find: the newest payment of the merchant_uid (optionally in one status), per `sorting`.
  const find: RouteHandler = ({ res, url, params }) => {
    const status = statusParam(params.payment_status, false);
    const records = [...state.payments.values()].filter(
      (record) => record.merchant_uid === params.merchant_uid && (!status || record.status === status),
    );
    const first = page(url, records).list[0];
    if (!first) throw notFound("존재하지 않는 결제정보입니다.");
    sendV1(res, first);
  };
  router.on("GET", "/payments/find/:merchant_uid", v1Route(context, find));
  router.on("GET", "/payments/find/:merchant_uid/:payment_status", v1Route(context, find));

  const findAll: RouteHandler = ({ res, url, params }) => {
    const status = statusParam(params.payment_status, false);
    const records = [...state.payments.values()].filter(
      (record) => record.merchant_uid === params.merchant_uid && (!status || record.status === status),
    );
    if (records.length === 0) throw notFound("존재하지 않는 결제정보입니다.");
    sendV1(res, page(url, records));
  };
  router.on("GET", "/payments/findAll/:merchant_uid", v1Route(context, findAll));
  router.on("GET", "/payments/findAll/:merchant_uid/:payment_status", v1Route(context, findAll));

  router.on(
    "GET",
    "/payments/status/:payment_status",
    v1Route(context, ({ res, url, params }) => {
      if (!(STATUSES as readonly string[]).includes(params.payment_status ?? ""))
        throw v1BadRequest(`payment_status 값이 올바르지 않습니다: ${params.payment_status}`);
      const status = statusParam(params.payment_status, true);
      const records = [...state.payments.values()].filter((record) => !status || record.status === status);
      sendV1(res, page(url, withinWindow(url, records)));
    }),
  );

  const readPreparation = async (req: Parameters<RouteHandler>[0]["req"]) => {
    const body = await readV1Body(req);
    const merchantUid = v1String(body, "merchant_uid");
    const amount = v1Number(body, "amount");
    if (merchantUid === undefined || amount === undefined) throw v1BadRequest("merchant_uid와 amount가 필요합니다.");
    return { merchant_uid: merchantUid, amount, currency: v1String(body, "currency") ?? null };
  };

  router.on(
    "POST",
    "/payments/prepare",
    v1Route(context, async ({ req, res }) => {
      const preparation = await readPreparation(req);
      // A merchant_uid is prepared once; PUT changes its amount **(refusal wording inferred)**.
      if (state.preparations.has(preparation.merchant_uid))
        throw new V1Error(
          200,
          "이미 사전 등록된 merchant_uid입니다. 금액 변경은 PUT /payments/prepare로 요청해 주세요.",
        );
      state.preparations.set(preparation.merchant_uid, preparation);
      state.persist();
      sendV1(res, preparation);
    }),
  );

  router.on(
    "PUT",
    "/payments/prepare",
    v1Route(context, async ({ req, res }) => {
      const preparation = await readPreparation(req);
      if (!state.preparations.has(preparation.merchant_uid)) throw notFound("사전 등록된 결제 정보가 없습니다.");
      state.preparations.set(preparation.merchant_uid, preparation);
      state.persist();
      sendV1(res, preparation);
    }),
  );

  router.on(
    "GET",
    "/payments/prepare/:merchant_uid",
    v1Route(context, ({ res, params }) => {
      const preparation = state.preparations.get(params.merchant_uid ?? "");
      if (!preparation) throw notFound("사전 등록된 결제 정보가 없습니다.");
      sendV1(res, preparation);
    }),
  );

  router.on(
    "POST",
    "/payments/cancel",
    v1Route(context, async ({ req, res }) => sendV1(res, toV1View(cancelV1Payment(context, await readV1Body(req))))),
  );
}
