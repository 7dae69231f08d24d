import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ServerResponse } from "node:http";

const staticDir = fileURLToPath(new URL("../static/", import.meta.url));

/** The unmodified @portone/browser-sdk ESM build, for the playground. */
function browserSdkEsmPath(): string {
  const cjsEntry = createRequire(import.meta.url).resolve("@portone/browser-sdk/v2");
  return cjsEntry.replace(/\.cjs$/, ".js");
}

export const STATIC_FILES: Record<string, () => string> = {
  "/v2/browser-sdk.js": () => `${staticDir}browser-sdk.js`,
  "/playground.js": () => `${staticDir}playground.js`,
  "/sdk/browser-sdk/v2.js": browserSdkEsmPath,
};

// browser-sdk.js carries this placeholder; the emulator's origin replaces it when served.
const ORIGIN_PLACEHOLDER = '"__PORTONE_EMULATOR_ORIGIN__"';

/** Serves a static file; the SDK script gets `publicUrl`'s origin baked in. */
export async function sendStatic(res: ServerResponse, pathname: string, publicUrl: string): Promise<boolean> {
  const resolve = STATIC_FILES[pathname];
  if (!resolve) return false;
  let content: string | Buffer = await readFile(resolve());
  if (pathname === "/v2/browser-sdk.js")
    content = content.toString("utf8").replace(ORIGIN_PLACEHOLDER, JSON.stringify(new URL(publicUrl).origin));
  res.writeHead(200, {
    "Content-Type": "text/javascript; charset=utf-8",
    // Merchant pages on another origin load these; never cache so a restarted emulator is picked up.
    "Access-Control-Allow-Origin": "*",
    "Cache-Control": "no-cache",
  });
  res.end(content);
  return true;
}
