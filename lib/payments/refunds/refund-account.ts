import { z } from "zod";
import { BANK_CODES } from "@/lib/portone/labels";
import { plainText } from "@/lib/http/plain-text";

/**
 * The customer's bank account for a virtual-account refund (there is no card to refund to).
 * Hyphens and spaces in the number are dropped; PortOne wants digits only.
 */
export const refundAccountSchema = z.object({
  bank: z.string().refine((code) => BANK_CODES.includes(code), "은행을 선택해 주세요."),
  number: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{10,16}$/, "계좌번호는 숫자 10~16자리로 입력해 주세요.")),
  holderName: plainText("예금주에 쓸 수 없는 문자가 들어 있습니다.")
    .trim()
    .min(1, "예금주를 입력해 주세요.")
    .max(30, "예금주는 30자 이내로 입력해 주세요."),
});

export type RefundAccount = z.infer<typeof refundAccountSchema>;
