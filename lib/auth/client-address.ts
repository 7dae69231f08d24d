/**
 * The client's address from X-Forwarded-For, trusting only the entries our own proxies wrote.
 *
 * `next start` fills X-Forwarded-For from the socket only when a request has none (Next's
 * base-server: `x-forwarded-for ??= socket.remoteAddress`), so a client's own header would hide
 * its address. instrumentation.ts therefore appends the socket peer to every request's chain, as a
 * proxy would: the right end is always the address that really connected, and each trusted proxy
 * in front added the one before it. With `hops` proxies the client is the entry `hops` places from
 * the right end; everything further left is whatever the client chose to send. A shorter chain
 * (a request that did not pass every proxy) gives its leftmost entry, which our side wrote.
 */
export function clientAddress(forwardedFor: string | null, hops: number): string | null {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain[Math.max(0, chain.length - 1 - hops)] ?? null;
}
