import { Server, type IncomingMessage } from "node:http";

/**
 * Appends the address each request's socket comes from to its X-Forwarded-For, before Next sees
 * it. Next itself adds the socket address only when the header is missing, so without this a
 * client could claim any address by sending the header; with it the chain always ends with the
 * peer that connected (see lib/auth/client-address.ts). Installed once, at server start.
 */
export function appendSocketPeerToForwardedFor(): void {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithPeer(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      const peer = request.socket.remoteAddress ?? "unknown";
      const forwarded = request.headers["x-forwarded-for"];
      const prior = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
      request.headers["x-forwarded-for"] = prior ? `${prior}, ${peer}` : peer;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  };
}
