import { invalidRequest } from "../http/api-error.js";

// Small readers for untrusted JSON fields, each failing with PortOne's INVALID_REQUEST.

export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalidRequest(`${key}는 문자열이어야 합니다.`);
  return value;
}

export function requiredString(body: Record<string, unknown>, key: string): string {
  const value = optionalString(body, key);
  if (value === undefined || value === "") throw invalidRequest(`${key}가 필요합니다.`);
  return value;
}

/** Money is an integer in the currency's minor unit; never a float. */
export function optionalInteger(body: Record<string, unknown>, key: string, min = 0): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw invalidRequest(`${key}는 ${min} 이상의 정수여야 합니다.`);
  }
  return value;
}

export function optionalBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw invalidRequest(`${key}는 true 또는 false여야 합니다.`);
  return value;
}

export function optionalObject(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw invalidRequest(`${key}는 객체여야 합니다.`);
  return value as Record<string, unknown>;
}

export function optionalStringArray(body: Record<string, unknown>, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw invalidRequest(`${key}는 문자열 배열이어야 합니다.`);
  }
  return value as string[];
}

/** PortOne accepts both "KRW" and "CURRENCY_KRW"; responses use the plain code. */
export function normalizeCurrency(value: string): string {
  return value.startsWith("CURRENCY_") ? value.slice("CURRENCY_".length) : value;
}
