import { databaseAnswers } from "@/lib/health";

export const dynamic = "force-dynamic";

/** For load balancers and the test stack: up means the database answers too. */
export async function GET() {
  if (await databaseAnswers()) return Response.json({ status: "ok" });
  return Response.json({ status: "database_unavailable" }, { status: 503 });
}
