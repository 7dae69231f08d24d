import { ApiError } from "./api-error";

/**
 * Largest body each public endpoint reads, in bytes. Each is far above what a real request
 * carries (PortOne's webhooks are a few kB) and far below what would hurt the server.
 */
export const BODY_LIMITS = {
  webhook: 64 * 1024,
  auth: 16 * 1024,
  completion: 4 * 1024,
  spend: 4 * 1024,
  reconcile: 1024,
  serverAction: 64 * 1024,
} as const;

function tooLarge(limit: number): ApiError {
  return new ApiError("payload_too_large", `The request body exceeds ${limit} bytes.`);
}

/**
 * The request's body, refused with 413 past `limit` bytes: by its Content-Length before a byte
 * is read, otherwise (chunked uploads) while it streams, cancelling the upload at the cap.
 */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) throw tooLarge(limit);
  const body = new Uint8Array(new ArrayBuffer(limit));
  if (!request.body) return body.subarray(0, 0);
  const reader = request.body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return body.subarray(0, size);
    if (size + value.byteLength > limit) {
      void reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    body.set(value, size);
    size += value.byteLength;
  }
}

/** The body as text (invalid UTF-8 becomes U+FFFD, as `request.text()` does), within `limit`. */
export async function readLimitedText(request: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readLimitedBody(request, limit));
}

/** The body parsed as JSON within `limit`; undefined when it is not JSON. */
export async function readLimitedJson(request: Request, limit: number): Promise<unknown> {
  const text = await readLimitedText(request, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
