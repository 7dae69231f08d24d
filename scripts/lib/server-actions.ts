import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// React's own encoder, the one the browser uses to send a server action's arguments.
const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-webpack/client.node.js",
) as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** The id Next gave a server action in this build (what a browser sends as `Next-Action`). */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8"),
  ) as Manifest;
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === filename && entry.exportedName === exportedName,
  );
  if (!found) throw new Error(`no server action ${exportedName} in ${filename}`);
  return found[0];
}

export interface ServerActionCall {
  /** The page the action is posted to, as the browser would (e.g. "/sign-up"). */
  page: string;
  actionId: string;
  args?: unknown[];
  /** A body sent as is instead of the encoded arguments (hostile bodies). */
  rawBody?: { body: string | FormData; contentType?: string };
  headers?: Record<string, string>;
}

/** Calls a server action of the app at `baseUrl` over HTTP, as a browser (or an attacker copying it) does. */
export async function callServerActionAt(baseUrl: string, call: ServerActionCall): Promise<Response> {
  const body = call.rawBody?.body ?? (await encodeReply(call.args ?? []));
  const contentType = call.rawBody?.contentType ?? (typeof body === "string" ? "text/plain;charset=UTF-8" : undefined);
  return fetch(`${baseUrl}${call.page}`, {
    method: "POST",
    headers: {
      Accept: "text/x-component",
      "Next-Action": call.actionId,
      Origin: baseUrl,
      ...(contentType ? { "Content-Type": contentType } : {}),
      ...call.headers,
    },
    body,
    redirect: "manual",
  });
}
