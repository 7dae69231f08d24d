import { describe, expect, it } from "vitest";
import { readReturnQuery } from "@/lib/payments/checkout/return-query";

const read = (query: string) => readReturnQuery(new URLSearchParams(query));

describe("what PortOne's redirect back says", () => {
  it("V2: the paymentId, and an error code when the window did not complete", () => {
    expect(read("paymentId=pc-1&transactionType=PAYMENT&txId=tx")).toEqual({
      paymentId: "pc-1",
      leftUnfinished: false,
      message: undefined,
    });
    expect(read("paymentId=pc-1&code=FAILURE_TYPE_PG&message=m&pgMessage=%EA%B1%B0%EC%A0%88")).toEqual({
      paymentId: "pc-1",
      leftUnfinished: true,
      message: "거절",
    });
  });

  it("V1, older PGs: merchant_uid and imp_success", () => {
    expect(read("imp_uid=imp_1&merchant_uid=pc-2&imp_success=true")).toEqual({
      paymentId: "pc-2",
      leftUnfinished: false,
      message: undefined,
    });
    expect(read("imp_uid=imp_1&merchant_uid=pc-2&imp_success=false&error_msg=%EC%B7%A8%EC%86%8C")).toEqual({
      paymentId: "pc-2",
      leftUnfinished: true,
      message: "취소",
    });
  });

  it("V1, newer PGs: only ids, and error_code / error_msg on failure", () => {
    expect(read("imp_uid=imp_1&merchant_uid=pc-3").leftUnfinished).toBe(false);
    expect(read("imp_uid=imp_1&merchant_uid=pc-3&error_code=F400")).toEqual({
      paymentId: "pc-3",
      leftUnfinished: true,
      message: undefined,
    });
  });

  it("an empty value counts as absent", () => {
    expect(read("paymentId=&merchant_uid=pc-4&code=&error_msg=")).toEqual({
      paymentId: "pc-4",
      leftUnfinished: false,
      message: undefined,
    });
  });
});
