import type { IncomingMessage, ServerResponse } from "node:http";
import { readText, sendJson } from "../../http/io.js";

// Every V1 answer is `{code, message, response}`: code 0 and message null on success. Failures
// carry a non-zero code: -1 for authentication (as PortOne's 401s), 1 for the rest **(inferred)**.

export class V1Error extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

export const v1Unauthorized = () => new V1Error(401, "Unauthorized", -1);
export const v1BadRequest = (message: string) => new V1Error(400, message);

export function sendV1(res: ServerResponse, response: unknown, status = 200): void {
  sendJson(res, status, { code: 0, message: null, response });
}

export function sendV1Error(res: ServerResponse, error: V1Error): void {
  sendJson(res, error.status, { code: error.code, message: error.message, response: null });
}

/** V1 takes form fields (its reference says formData) or JSON; values of a form are strings. */
export async function readV1Body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readText(req);
  if (text.trim() === "") return {};
  if (/application\/x-www-form-urlencoded/i.test(req.headers["content-type"] ?? "")) {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(text)) fields[key.replace(/\[\]$/, "")] = value;
    return fields;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw v1BadRequest("요청 본문을 해석할 수 없습니다.");
}

export function v1String(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string" && typeof value !== "number") throw v1BadRequest(`${key}는 문자열이어야 합니다.`);
  return String(value);
}

/** Amounts: numbers, or numeric strings from a form. */
export function v1Number(body: Record<string, unknown>, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === "") return undefined;
  const parsed = typeof value === "string" ? Number(value) : value;
  if (typeof parsed !== "number" || !Number.isFinite(parsed) || parsed < 0)
    throw v1BadRequest(`${key}는 0 이상의 숫자여야 합니다.`);
  return parsed;
}

export function v1Boolean(body: Record<string, unknown>, key: string): boolean {
  const value = body[key];
  return value === true || value === "true" || value === "1";
}
