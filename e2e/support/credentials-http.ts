import { randomInt } from "node:crypto";
import { request as httpRequest } from "node:http";
import { E2E_APP_URL } from "./stack-urls";

/**
 * Password sign-in over plain HTTP, as a script would do it: CSRF token first, then the
 * credentials POST. `from` picks the loopback address the connection comes from (all of
 * 127.0.0.0/8 is this machine), so a spec can be several clients on one host.
 */
export interface SignInAnswer {
  status: number;
  location: string;
  setCookies: string[];
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A loopback address of its own for one spec, so its failures count against nobody else. */
export function randomLoopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(2, 255)}`;
}

function send(
  url: URL,
  options: { method: string; headers: Record<string, string>; body?: string; from?: string },
): Promise<SignInAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: options.method, headers: options.headers, localAddress: options.from },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location ?? "",
            setCookies: response.headers["set-cookie"] ?? [],
            headers: response.headers,
            body,
          }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

function cookieHeader(setCookies: string[]): string {
  return setCookies.map((cookie) => cookie.split(";")[0]).join("; ");
}

export async function signInOverHttp(options: {
  email: string;
  password: string;
  from?: string;
  forwardedFor?: string;
  baseUrl?: string;
}): Promise<SignInAnswer> {
  const base = options.baseUrl ?? E2E_APP_URL;
  const forwarded: Record<string, string> = options.forwardedFor ? { "X-Forwarded-For": options.forwardedFor } : {};
  const csrf = await send(new URL("/api/auth/csrf", base), { method: "GET", headers: forwarded, from: options.from });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({
    csrfToken,
    email: options.email,
    password: options.password,
    callbackUrl: "/",
  }).toString();
  return send(new URL("/api/auth/callback/credentials", base), {
    method: "POST",
    from: options.from,
    body,
    headers: {
      ...forwarded,
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": String(Buffer.byteLength(body)),
      Cookie: cookieHeader(csrf.setCookies),
    },
  });
}

/** What the sign-in answer means to the person signing in. */
export function outcomeOf(answer: SignInAnswer): "signed-in" | "wrong-password" | "throttled" | "other" {
  if (answer.status !== 302) return "other";
  const location = new URL(answer.location, E2E_APP_URL);
  if (location.searchParams.get("code") === "throttled") return "throttled";
  if (location.searchParams.get("error") === "CredentialsSignin") return "wrong-password";
  return answer.setCookies.some((cookie) => cookie.includes("authjs.session-token=")) ? "signed-in" : "other";
}
