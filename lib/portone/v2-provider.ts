import "server-only";
import { env } from "@/lib/env";
import { usesRealPortOne } from "@/lib/env-schema";
import { fetchPortOnePayment, forEachPortOnePaymentPage } from "./payments";
import type { PaymentProvider } from "./provider";
import { cancelForRefund, cancelRejectedPayment, closeVirtualAccount, preRegisterAmount } from "./requests";
import { verifyPortOneWebhook } from "./webhook";

/** PortOne V2 through its server SDK: the functions the app has always called, behind the interface. */
export const portoneV2: PaymentProvider = {
  name: "v2",
  storeId: env.PORTONE_STORE_ID,
  usesRealApi: usesRealPortOne(env),
  preRegisterAmount,
  fetchPayment: fetchPortOnePayment,
  cancelRejectedPayment,
  closeVirtualAccount,
  cancelForRefund,
  forEachPaymentPage: forEachPortOnePaymentPage,
  verifyWebhook: verifyPortOneWebhook,
};
