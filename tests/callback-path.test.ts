import { describe, expect, it } from "vitest";
import { callbackPathOn } from "../lib/auth/callback-path";

const ORIGIN = "http://localhost:3100";
const sendBack = (value: unknown) => callbackPathOn(value, ORIGIN);

describe("callbackPathOn", () => {
  it.each([
    ["a TAB before the second slash", "/\t/evil.example"],
    ["a TAB and a backslash", "/\t\\evil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash browsers read as a slash", "/\\evil.example"],
    ["an absolute URL elsewhere", "https://evil.example"],
    ["another scheme", "javascript:alert(1)"],
    ["a line feed", "/\n/x"],
    ["a carriage return", "/\r/x"],
    ["a NUL", "/\u0000/x"],
    ["a C1 control character", "/\u0085/x"],
    ["a dot segment that leaves two slashes", "/.//evil.example"],
    ["an empty string", ""],
    ["a non-string", ["/history"]],
  ])("refuses %s", (_name, value) => {
    expect(sendBack(value)).toBe("/");
  });

  it.each([
    ["a path with its query and fragment", "/history?x=1#y", "/history?x=1#y"],
    ["an absolute URL on our origin, as a path", `${ORIGIN}/account`, "/account"],
    ["encoded slashes, which stay a path on this site", "%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["an encoded TAB, which stays encoded", "/%09/evil.example", "/%09/evil.example"],
    [
      "Korean text, percent-encoded",
      "/검색?q=포인트#결과",
      "/%EA%B2%80%EC%83%89?q=%ED%8F%AC%EC%9D%B8%ED%8A%B8#%EA%B2%B0%EA%B3%BC",
    ],
    ["characters a Location header must not carry raw", '/a b"<>', "/a%20b%22%3C%3E"],
  ])("keeps %s", (_name, value, expected) => {
    expect(sendBack(value)).toBe(expected);
  });

  it("answers printable ASCII only", () => {
    for (const value of ["/한글", "/emoji/😀", "/\u2028x"]) expect(sendBack(value)).toMatch(/^\/[\x21-\x7e]*$/);
  });
});
