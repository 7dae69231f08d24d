import "server-only";
import { PaymentClient } from "@portone/server-sdk";
import { env } from "@/lib/env";

// The only PortOne REST client. baseUrl is the emulator under `npm run dev` and in tests, the real
// API otherwise; the SDK uses only its origin.
export const portone = PaymentClient({ secret: env.PORTONE_API_SECRET, baseUrl: env.PORTONE_API_BASE });
