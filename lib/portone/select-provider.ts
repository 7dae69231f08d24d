import "server-only";
import { env } from "@/lib/env";
import { usesPortOneV1, usesRealPortOneV1 } from "@/lib/env-schema";
import type { PaymentProvider } from "./provider";
import { createPortOneV1 } from "./v1/provider";
import { portoneV2 } from "./v2-provider";

/**
 * The store's payment provider, fixed by the environment when the server starts: PortOne V1
 * (I'mport) when its merchant code and REST key are set, V2 otherwise. The money path (checkout's
 * pre-registration, syncPayment, refunds, releases, reconciliation) asks only this.
 */
export const paymentProvider: PaymentProvider = usesPortOneV1(env)
  ? createPortOneV1({
      apiUrl: env.PORTONE_V1_API_URL,
      impKey: env.PORTONE_V1_API_KEY!,
      impSecret: env.PORTONE_V1_API_SECRET!,
      impCode: env.PORTONE_V1_IMP_CODE!,
      usesRealApi: usesRealPortOneV1(env),
    })
  : portoneV2;
