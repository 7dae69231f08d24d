import { z } from "zod";
import { BANK_CODES } from "@/lib/portone/labels";
import { plainText } from "@/lib/http/plain-text";

/** The sentences of messages/ refundAccountChecks, in the buyer's language. */
export type RefundAccountCheckText = (
  key: "chooseBank" | "numberDigits" | "holderCharacters" | "holderMissing" | "holderTooLong",
) => string;

/**
 * The customer's bank account for a virtual-account refund (there is no card to refund to), its
 * checks said in the buyer's language. Hyphens and spaces in the number are dropped; PortOne wants
 * digits only.
 */
export const refundAccountSchema = (t: RefundAccountCheckText) =>
  z.object({
    bank: z.string().refine((code) => BANK_CODES.includes(code), t("chooseBank")),
    number: z
      .string()
      .transform((value) => value.replace(/[\s-]/g, ""))
      .pipe(z.string().regex(/^\d{10,16}$/, t("numberDigits"))),
    holderName: plainText(t("holderCharacters")).trim().min(1, t("holderMissing")).max(30, t("holderTooLong")),
  });

export type RefundAccount = z.infer<ReturnType<typeof refundAccountSchema>>;
