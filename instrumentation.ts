/** Runs once when a server process starts, before it answers any request. */
export async function register() {
  // NEXT_RUNTIME is Next's own marker of the runtime this bundle runs in, not configuration.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { appendSocketPeerToForwardedFor } = await import("./lib/security/forwarded-peer");
    appendSocketPeerToForwardedFor();
  }
}
