import "server-only";
import type { PaymentProvider } from "../provider";
import { cancelRejectedV1Payment, cancelV1ForRefund, closeV1VirtualAccount, prepareV1Amount } from "./cancels";
import { PortOneV1Client, type V1Credentials } from "./client";
import { forEachV1PaymentPage } from "./listing";
import { fetchV1Payment } from "./lookups";
import { verifyV1Notice } from "./notice";

export interface V1ProviderSettings extends V1Credentials {
  /** The merchant code (가맹점 식별코드, imp + 8 digits) the key belongs to. */
  impCode: string;
  usesRealApi: boolean;
}

/** PortOne V1 (I'mport) behind the app's provider interface; the client (and its token) is its own. */
export function createPortOneV1(settings: V1ProviderSettings): PaymentProvider & { client: PortOneV1Client } {
  const client = new PortOneV1Client(settings);
  const storeId = settings.impCode;
  return {
    name: "v1",
    storeId,
    usesRealApi: settings.usesRealApi,
    client,
    preRegisterAmount: (paymentId, totalAmount, currency) => prepareV1Amount(client, paymentId, totalAmount, currency),
    fetchPayment: (paymentId) => fetchV1Payment(client, storeId, paymentId),
    cancelRejectedPayment: (paymentId, reason) => cancelRejectedV1Payment(client, paymentId, reason),
    closeVirtualAccount: (paymentId) => closeV1VirtualAccount(client, paymentId),
    cancelForRefund: (input) => cancelV1ForRefund(client, input),
    forEachPaymentPage: (from, until, handle, options) =>
      forEachV1PaymentPage(client, storeId, from, until, handle, options),
    verifyWebhook: (rawBody, headers) => verifyV1Notice(client, rawBody, headers),
  };
}
