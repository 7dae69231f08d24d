import http from "node:http";
import { E2E_APP_URL } from "./stack-urls";

export interface UploadAnswer {
  status: number;
  elapsedMs: number;
}

/**
 * POSTs `totalBytes` without a Content-Length (Transfer-Encoding: chunked), as a streaming
 * client would, and stops sending as soon as the server answers.
 */
export function postChunked(
  path: string,
  totalBytes: number,
  headers: Record<string, string> = {},
): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered = false;
    const request = http.request(`${E2E_APP_URL}${path}`, { method: "POST", headers });
    request.on("response", (response) => {
      answered = true;
      resolve({ status: response.statusCode ?? 0, elapsedMs: Date.now() - started });
      response.resume();
      request.destroy();
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const sendMore = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", sendMore);
      }
      if (!answered) request.end();
    };
    sendMore();
  });
}
