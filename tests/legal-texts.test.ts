import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fillPlaceholders, LegalTextError, parseBlocks, parseLegalText } from "../lib/legal/legal-text";

const PLACEHOLDERS = {
  businessName: "상호",
  representative: "대표",
  supportEmail: "help@example.com",
  supportPhone: "1588-0000",
  refundWindowDays: "7",
  paidValidity: "1,825일(5년)",
  bonusValidity: "365일(1년)",
};

const shipped = ["terms.md", "privacy.md", "refund.md"].map((file) => {
  const source = path.join("content/legal", file);
  return { file, raw: readFileSync(source, "utf8"), source };
});

describe("the shipped legal texts", () => {
  it.each(shipped)("$file has a title, a version and only known placeholders", ({ raw, source }) => {
    const text = parseLegalText(raw, source);
    expect(text.title).not.toBe("");
    expect(text.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(fillPlaceholders(text.body, PLACEHOLDERS, source)).not.toContain("{{");
  });

  it("take the refund window from the refund rules instead of writing the number down", () => {
    for (const { file, raw } of shipped.filter(({ file }) => file !== "privacy.md")) {
      expect(raw, file).toContain("{{refundWindowDays}}일");
      expect(raw, file).not.toMatch(/\d+일 이내/);
    }
  });
});

describe("parseLegalText", () => {
  it("refuses a text without a version, which no consent could record", () => {
    expect(() => parseLegalText("---\ntitle: 약관\n---\n본문", "x.md")).toThrow(LegalTextError);
    expect(() => parseLegalText("본문만", "x.md")).toThrow(/must start with a --- header/);
  });

  it("names an unknown placeholder", () => {
    expect(() => fillPlaceholders("{{ceo}}", PLACEHOLDERS, "x.md")).toThrow("x.md: unknown placeholder {{ceo}}");
  });
});

describe("parseBlocks", () => {
  it("reads headings, paragraphs over several lines, lists, bold and links", () => {
    expect(parseBlocks("## 제1조\n\n첫 줄\n둘째 줄\n\n- **굵게** 항목\n- [환불 정책](/refund-policy) 참고")).toEqual([
      { kind: "heading", text: "제1조" },
      { kind: "paragraph", inline: [{ text: "첫 줄 둘째 줄" }] },
      {
        kind: "list",
        items: [
          [{ text: "굵게", bold: true }, { text: " 항목" }],
          [{ text: "환불 정책", href: "/refund-policy" }, { text: " 참고" }],
        ],
      },
    ]);
  });
});
