import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, invalidRequest } from "./api-error.js";

const MAX_BODY_BYTES = 1_000_000;

export async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw invalidRequest("요청 본문이 너무 큽니다.");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses JSON whatever the Content-Type: the server SDK sends JSON as text/plain. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readText(req);
  if (text.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw invalidRequest("요청 본문은 JSON 객체여야 합니다.");
    }
    return parsed as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw invalidRequest("요청 본문을 JSON으로 해석할 수 없습니다.");
  }
}

/** List endpoints take their filter as a JSON string in the `requestBody` query parameter. */
export function readRequestBodyQuery(url: URL): Record<string, unknown> {
  const raw = url.searchParams.get("requestBody");
  if (raw === null || raw === "") return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw invalidRequest("requestBody 쿼리 파라미터가 올바른 JSON 객체가 아닙니다.");
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string, status = 303): void {
  res.writeHead(status, { Location: location, "Cache-Control": "no-store" });
  res.end();
}

/** Browser-facing endpoints are called from the merchant's origin. They carry no cookies. */
export const corsHeaders: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "600",
};
