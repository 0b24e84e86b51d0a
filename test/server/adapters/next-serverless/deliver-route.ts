// README, "Deploy": app/api/signup/deliver/route.ts, run by Vercel Cron.
import { createHash, timingSafeEqual } from 'node:crypto';
import { handler } from './signup-handler.js';

export const dynamic = 'force-dynamic';
export const maxDuration = 60; // a round may wait for its bulk imports

const digest = (text: string) => createHash('sha256').update(text).digest();
let told = false;

export async function GET(request: Request) {
  const secret = process.env.CRON_SECRET;
  if (!secret) {
    // Every run would be refused while signups pile up: say so, once per instance.
    if (!told) console.error('CRON_SECRET is not set: every delivery run is refused (401) and queued signups wait. Set it in the project\'s environment variables.');
    told = true;
    return new Response(null, { status: 401 });
  }
  // Vercel Cron sends `Authorization: Bearer $CRON_SECRET`; compared in constant time, anyone else is refused.
  if (!timingSafeEqual(digest(request.headers.get('authorization') ?? ''), digest(`Bearer ${secret}`))) {
    return new Response(null, { status: 401 });
  }
  try {
    return Response.json(await handler.deliverQueued()); // { delivered, dropped, postponed }
  } catch (error) {
    // Redis unreachable (the message says why): nothing was sent, the next run tries again.
    return Response.json({ error: (error as Error).message }, { status: 503, headers: { 'retry-after': '60' } });
  }
}
