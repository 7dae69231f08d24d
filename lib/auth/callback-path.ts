// C0 and C1 control characters: URL parsers silently drop TAB, LF and CR, so "/\t/evil.example"
// would become "//evil.example" after it was checked.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A path on `origin` to send a visitor back to after sign-in, or "/". The value is parsed as a
 * browser would parse it against our origin, so backslashes, encoded slashes and absolute URLs
 * cannot point elsewhere; the answer is the parsed path, query and fragment, percent-encoded
 * ASCII that is safe in a Location header.
 */
export function callbackPathOn(value: unknown, origin: string): string {
  if (typeof value !== "string" || value === "" || CONTROL_CHARACTERS.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" parses to the path "//evil.example", a protocol-relative URL once sent back.
  return path.startsWith("//") ? "/" : path;
}
