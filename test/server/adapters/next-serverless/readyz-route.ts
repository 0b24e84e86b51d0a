// README, "Deploy": app/api/readyz/route.ts, for the platform's health check.
import { handler } from './signup-handler.js';

export const dynamic = 'force-dynamic';

export async function GET() {
  const readiness = await handler.readiness(); // { ready, checks: { redis: { ok, problem? } } }
  return Response.json(readiness, { status: readiness.ready ? 200 : 503 });
}
