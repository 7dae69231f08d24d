import fc from "fast-check";

/** Strings an attacker tries first: control characters, broken escapes, odd Unicode, injections. */
const KNOWN_HOSTILE = [
  "\u0000",
  "pc-\u0000",
  "\t\r\n",
  "%",
  "%E0%A4%A",
  "%00",
  "\uD800",
  "\u202E",
  "💳".repeat(40),
  "x".repeat(3000),
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' or 1=1 --",
  "$K1",
  "$@1",
  "$undefined",
  "//evil.example",
  "/\t/evil.example",
  "https://evil.example",
  "__proto__",
];

/** Any string, often a known-hostile one. */
export const hostileString = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...KNOWN_HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...KNOWN_HOSTILE)).map(([a, b]) => a + b),
  },
);

/** Any JSON value, often one of the wrong type where a string was expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Printable Latin-1 text (no DEL), the most a header (a cookie, an Idempotency-Key) can carry. */
export const headerText = fc.oneof(
  fc.constantFrom("%", "%E0%A4%A", "%00", "a;b=c", '"quoted"', "=", "x".repeat(3000), "é"),
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xfe })
      .filter((code) => code !== 0x7f)
      .map((code) => String.fromCharCode(code)),
    maxLength: 60,
  }),
);

/** A path segment as it appears in a URL: raw percent signs included. */
export const urlSegment = fc.oneof(
  fc.constantFrom("%", "%%", "%E0%A4%A", "%00", "%ff", "%2e%2e", "a%", "..%2f"),
  // encodeURIComponent throws on a lone surrogate, which a URL cannot carry anyway.
  hostileString.map((value) =>
    encodeURIComponent(
      value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"),
    ),
  ),
);

/** A form (FormData) whose fields hold hostile strings. */
export function hostileForm(fields: string[]): fc.Arbitrary<FormData> {
  return fc.tuple(...fields.map(() => hostileString)).map((values) => {
    const form = new FormData();
    fields.forEach((field, index) => form.set(field, values[index]!));
    return form;
  });
}
