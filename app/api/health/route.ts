import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/**
 * For load balancers and the test stack: 200 only when the database answers and has every
 * migration this build expects (a new build against an old schema would fail its first payment).
 */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
}
