import type { PayWithBillingKeyResponse } from "@portone/server-sdk/payment";
import type { DeleteBillingKeyResponse, IssueBillingKeyResponse } from "@portone/server-sdk/payment/billingKey";
import type { Emulator } from "../context.js";
import { ApiError, invalidRequest } from "../http/api-error.js";
import { readJson, sendJson } from "../http/io.js";
import type { Router } from "../http/router.js";
import { issueBillingKey, maskCardNumber, toBillingKeyInfo } from "../domain/billing-keys.js";
import { payWithBillingKey, readBillingKeyPayment } from "../domain/billing-key-payment.js";
import { deleteBillingKey } from "../domain/billing-key-deletion.js";
import { CARD_EXPIRED, cardExpiryEnd } from "../domain/card-outcomes.js";
import { selectedChannel } from "../domain/payment-view.js";
import { toCustomer } from "../checkout/customer.js";
import { requireOwnStore } from "./auth.js";
import { optionalBoolean, optionalObject, optionalString, optionalStringArray, requiredString } from "./input.js";
import type { ApiRoute } from "./api-route.js";
import type { BillingKeyRecord } from "../domain/state.js";

export function findBillingKey(emulator: Emulator, billingKey: string) {
  const record = emulator.state.billingKeys.get(billingKey);
  if (!record) throw new ApiError(404, "BILLING_KEY_NOT_FOUND", "빌링키가 존재하지 않습니다.");
  return record;
}

/** A key that can still pay: missing → BILLING_KEY_NOT_FOUND, deleted → BILLING_KEY_ALREADY_DELETED. */
export function findUsableBillingKey(emulator: Emulator, billingKey: string) {
  const record = findBillingKey(emulator, billingKey);
  if (record.deletedAt) throw new ApiError(409, "BILLING_KEY_ALREADY_DELETED", "이미 삭제된 빌링키입니다.");
  return record;
}

export function cardChannelKey(emulator: Emulator, channelKey: string | undefined): string {
  const channel = channelKey
    ? emulator.config.channels.find((candidate) => candidate.key === channelKey)
    : emulator.config.channels.find((candidate) => candidate.payMethod === "CARD");
  if (!channel || channel.payMethod !== "CARD")
    throw new ApiError(404, "CHANNEL_NOT_FOUND", "카드 결제 채널을 찾을 수 없습니다.");
  return channel.key;
}

/**
 * The channel a key pays on: the one named, else the one it was issued on. A card key pays on a
 * card channel; an easy-pay key only on its own wallet's channel (PortOne's PG holds the key).
 */
export function billingChannelKey(emulator: Emulator, billingKey: BillingKeyRecord, channelKey?: string): string {
  if (!billingKey.easyPay) return cardChannelKey(emulator, channelKey ?? billingKey.channelKey);
  const channel = emulator.config.channels.find((candidate) => candidate.key === (channelKey ?? billingKey.channelKey));
  if (channel?.payMethod !== "EASY_PAY" || channel.easyPayProvider !== billingKey.easyPay.provider)
    throw new ApiError(404, "CHANNEL_NOT_FOUND", "빌링키를 발급한 간편결제 채널을 찾을 수 없습니다.");
  return channel.key;
}

export function registerBillingKeyRoutes(router: Router, emulator: Emulator, api: ApiRoute): void {
  router.on(
    "POST",
    "/billing-keys",
    api(async ({ req, res }) => {
      const body = await readJson(req);
      requireOwnStore(emulator, body.storeId);
      const card = optionalObject(optionalObject(body, "method") ?? {}, "card");
      const credential = optionalObject(card ?? {}, "credential");
      if (!credential) throw invalidRequest("method.card.credential이 필요합니다.");
      const number = requiredString(credential, "number");
      const cardExpiresAt = cardExpiryEnd(
        requiredString(credential, "expiryYear"),
        requiredString(credential, "expiryMonth"),
      );
      if (!/^\d{13,19}$/.test(number)) throw invalidRequest("카드 번호가 올바르지 않습니다.");
      if (!cardExpiresAt) throw invalidRequest("카드 유효기간이 올바르지 않습니다.");
      // The PG refuses to issue a key for a card already past its expiry month.
      if (Date.parse(cardExpiresAt) <= Date.now())
        throw new ApiError(502, "PG_PROVIDER", `PG사에서 오류를 전달했습니다: ${CARD_EXPIRED.pgMessage}`, {
          ...CARD_EXPIRED,
        });
      const record = issueBillingKey(emulator, {
        channelKey: cardChannelKey(emulator, optionalString(body, "channelKey")),
        cardNumberMasked: maskCardNumber(number),
        cardExpiresAt,
        customer: toCustomer(renameCustomerInput(optionalObject(body, "customer"))),
        customData: optionalString(body, "customData"),
        noticeUrls: optionalStringArray(body, "noticeUrls"),
        skipWebhook: optionalBoolean(body, "skipWebhook"),
      });
      const channel = selectedChannel(emulator.config, record.channelKey);
      const response: IssueBillingKeyResponse = {
        billingKeyInfo: {
          billingKey: record.billingKey,
          channels: channel ? [channel] : [],
          issuedAt: record.issuedAt,
        },
      };
      sendJson(res, 200, response);
    }),
  );

  router.on(
    "GET",
    "/billing-keys/:billingKey",
    api(({ res, url, params }) => {
      requireOwnStore(emulator, url.searchParams.get("storeId") ?? undefined);
      sendJson(res, 200, toBillingKeyInfo(emulator, findBillingKey(emulator, params.billingKey ?? "")));
    }),
  );

  router.on(
    "DELETE",
    "/billing-keys/:billingKey",
    api(({ res, url, params }) => {
      requireOwnStore(emulator, url.searchParams.get("storeId") ?? undefined);
      const record = findBillingKey(emulator, params.billingKey ?? "");
      const deletedAt = deleteBillingKey(emulator, record, {
        skipWebhook: url.searchParams.get("skipWebhook") === "true",
      });
      const response: DeleteBillingKeyResponse = { deletedAt };
      sendJson(res, 200, response);
    }),
  );

  router.on(
    "POST",
    "/payments/:paymentId/billing-key",
    api(async ({ req, res, params }) => {
      const body = await readJson(req);
      requireOwnStore(emulator, body.storeId);
      const input = readBillingKeyPayment(body);
      const billingKey = findUsableBillingKey(emulator, input.billingKey);
      const channelKey = billingChannelKey(emulator, billingKey, input.channelKey);
      const payment = payWithBillingKey(emulator, params.paymentId ?? "", billingKey, channelKey, input);
      const response: PayWithBillingKeyResponse = {
        payment: { pgTxId: payment.pgTxId ?? "", paidAt: payment.paidAt ?? "" },
      };
      sendJson(res, 200, response);
    }),
  );
}

/** REST CustomerInput uses `name: {full}`; the browser's uses fullName. */
function renameCustomerInput(customer: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!customer) return undefined;
  const name = customer.name as { full?: unknown } | undefined;
  return { ...customer, customerId: customer.id, fullName: name?.full };
}
