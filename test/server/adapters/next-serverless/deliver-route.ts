// README, "Deploy": app/api/signup/deliver/route.ts, run by Vercel Cron.
import { handler } from './signup-handler.js';

export const dynamic = 'force-dynamic';
export const maxDuration = 60; // a round may wait for its bulk imports

export async function GET(request: Request) {
  // Vercel Cron sends `Authorization: Bearer $CRON_SECRET`; anyone else is refused.
  if (!process.env.CRON_SECRET || request.headers.get('authorization') !== `Bearer ${process.env.CRON_SECRET}`) {
    return new Response(null, { status: 401 });
  }
  return Response.json(await handler.deliverQueued()); // { delivered, dropped, postponed }
}
