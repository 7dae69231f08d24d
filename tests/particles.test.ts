import { describe, expect, it } from "vitest";
import { endsWithFinalConsonant, withObjectParticle, withSubjectParticle } from "../lib/text/particles";
import { SHOP_ITEMS } from "../lib/points/shop-items";
import ko from "../messages/ko.json";

describe("Korean particles by the noun's final sound", () => {
  it("chooses 을/이 after a final consonant and 를/가 after a vowel", () => {
    expect(withObjectParticle("이모티콘 팩")).toBe("이모티콘 팩을");
    expect(withObjectParticle("프리미엄 1주 이용권")).toBe("프리미엄 1주 이용권을");
    expect(withObjectParticle("커피")).toBe("커피를");
    expect(withSubjectParticle("포인트")).toBe("포인트가");
    expect(withSubjectParticle("관람권")).toBe("관람권이");
  });

  it("reads digits and units as they are spoken", () => {
    expect(withSubjectParticle("10,000원")).toBe("10,000원이");
    expect(withObjectParticle("3")).toBe("3을"); // 삼
    expect(withObjectParticle("2")).toBe("2를"); // 이
    expect(withSubjectParticle("1,000 P")).toBe("1,000 P가"); // 피
    expect(withObjectParticle("URL")).toBe("URL을"); // 엘
  });

  it("ignores closing punctuation and handles empty text", () => {
    expect(withObjectParticle("쿠폰(1장)")).toBe("쿠폰(1장)을");
    expect(endsWithFinalConsonant("")).toBe(false);
  });

  it("gives every shop item a proper particle", () => {
    expect(SHOP_ITEMS.map((item) => withObjectParticle(ko.shop.items[item.id].name))).toEqual([
      "이모티콘 팩을",
      "아메리카노 쿠폰을",
      "프리미엄 1주 이용권을",
      "영화 관람권을",
    ]);
  });
});
