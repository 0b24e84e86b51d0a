import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpectStatic } from 'vitest';
import type { TestRedisServer } from '../support/redis-server.js';
import { repo, SITE } from './packed-app.js';
import { signUpOverHttp } from '../support/sign-up-over-http.js';

// README's "Next.js on a serverless host" recipe (Redis + cron) in the same packed Next app as
// the plain route (next-app.test.ts), so `npm test` builds Next once per bundler. Its files are
// test/server/adapters/next-serverless/*, which README is held to line for line; here they live
// under app/api/queued-signup/ (the plain route has app/api/signup/), and a page renders the form
// from their handler.
const RECIPE = 'test/server/adapters/next-serverless';
const tested = (path: string) => readFileSync(join(repo, path), 'utf8');

/** Writes the recipe's three files, and a page that renders the form from its handler, into the app at `dir`. */
export function writeServerlessRecipe(dir: string): void {
  const route = join(dir, 'app/api/queued-signup');
  mkdirSync(join(route, 'deliver'), { recursive: true });
  mkdirSync(join(dir, 'app/queued'), { recursive: true });
  writeFileSync(
    join(route, 'signup-handler.ts'),
    tested(`${RECIPE}/signup-handler.ts`).replaceAll("from '../../../../src/server/index.js'", "from 'dotdigital-signup/server'").replaceAll("from '../../../../src/server/stores/redis/index.js'", "from 'dotdigital-signup/server/redis'"),
  );
  writeFileSync(join(route, 'route.ts'), tested(`${RECIPE}/route.ts`).replace("from './signup-handler.js'", "from './signup-handler'"));
  writeFileSync(join(route, 'deliver/route.ts'), tested(`${RECIPE}/deliver-route.ts`).replace("from './signup-handler.js'", "from '../signup-handler'"));
  writeFileSync(join(dir, 'app/queued/page.tsx'), tested('test/react/readme/next-page.tsx').replace("from '../../server/adapters/next-route.js'", "from '../api/queued-signup/route'"));
}

/** The app started: its base URL, what its server printed, and the mock's outage switch. */
interface Started {
  base: string;
  output: string[];
  outage(state: 'on' | 'off'): Promise<unknown>;
}

// Each visitor from an address of their own: the per-IP limit (10 a minute) is not what is tested here.
let visitors = 0;
const signUp = (base: string, email: string) =>
  signUpOverHttp(`${base}/api/queued-signup`, email, SITE, { headers: { 'x-forwarded-for': `198.51.100.${++visitors % 250}` }, pageUrl: `${SITE}/queued` });
const cron = (base: string, secret?: string) => fetch(`${base}/api/queued-signup/deliver`, secret ? { headers: { authorization: `Bearer ${secret}` } } : {});

/**
 * Built and started while Redis is down: the page renders, a signup is answered live (and `503`
 * with `Retry-After` when Dotdigital is down too), the cron route answers `503` with the reason;
 * once Redis is up, a signup queues into it within seconds, without a restart.
 */
export async function checkRedisComesBack(app: Started, redis: TestRedisServer, secret: string, expect: ExpectStatic): Promise<void> {
  const page = await fetch(`${app.base}/queued`);
  expect([page.status, (await page.text()).includes('dd-signup')]).toEqual([200, true]);
  expect(await signUp(app.base, 'serverless-live@example.com')).toMatchObject({ status: 201, body: { status: 'subscribed' } });
  await app.outage('on');
  try {
    const refused = await signUp(app.base, 'serverless-refused@example.com');
    expect([refused.status, Number(refused.retryAfter) >= 1]).toEqual([503, true]);
    const away = await cron(app.base, secret);
    expect(away.status).toBe(503);
    expect(((await away.json()) as { error: string }).error).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:\d+ is unreachable: connection refused/);

    await redis.restart();
    const upAt = performance.now();
    let answer = await signUp(app.base, 'serverless-queued-0@example.com');
    for (let n = 1; answer.status !== 202 && performance.now() - upAt < 20_000; n++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      answer = await signUp(app.base, `serverless-queued-${n}@example.com`);
    }
    console.info(`next start (serverless recipe): queued through Redis ${Math.round(performance.now() - upAt)} ms after Redis came up, no restart`);
    expect(answer).toMatchObject({ status: 202, body: { status: 'queued' } });
    const delivered = await cron(app.base, secret);
    expect(delivered.status).toBe(200);
    expect(await delivered.json()).toMatchObject({ delivered: expect.any(Number), dropped: 0 });
  } finally {
    await app.outage('off');
  }
  expect(app.output.join('')).not.toMatch(/Cannot read properties|Stream isn't writeable/);
}

/** With `CRON_SECRET` unset every run is refused, and the server's log says so once, as an error. */
export async function checkCronSecretUnset(app: Started, expect: ExpectStatic): Promise<void> {
  expect([(await cron(app.base)).status, (await cron(app.base, 'undefined')).status, (await cron(app.base, '')).status]).toEqual([401, 401, 401]);
  expect(app.output.join('').match(/CRON_SECRET is not set: every delivery run is refused \(401\)/g)).toHaveLength(1);
  expect(await signUp(app.base, 'serverless-webpack@example.com')).toMatchObject({ status: 201, body: { status: 'subscribed' } });
}
