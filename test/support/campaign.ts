import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { Agent, request } from 'undici';
import { createMockDotdigital, DEMO_API_PASSWORD, DEMO_API_USER, type MockDotdigital } from '../../src/mock/index.js';
import { startRedisServer, type TestRedisServer } from './redis-server.js';

// A campaign landing page's back end as production runs it, for the multi-process e2e test and
// the bench: N `dotdigital-signup serve` processes (the build's dist/cli.js) sharing one real
// Redis, in front of the mock Dotdigital with its per-window call limit, every call it
// answers logged with its time and status. This process is the load balancer and the visitors.

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const SITE = 'https://www.example.com';
const UA = (n: number) => `CampaignVisitor/${n}`;

/** One API call the mock answered. */
export interface MockCall { at: number; method: string; path: string; status: number }
/** One visitor's signup as sent, and how it was answered. */
export interface SentSignup { n: number; email: string; ip: string; userAgent: string; consentedAt: string; status: number; ms: number }

export interface CampaignOptions {
  instances: number;
  /** The mock's limit: calls per window (Dotdigital's smallest tier: 35 a minute). */
  perWindow: number;
  windowMs: number;
  importProcessingMs: number;
  /** Extra environment for every `serve` (e.g. SIGNUP_QUEUE_INTERVAL_SECONDS). */
  env?: Record<string, string>;
}

/**
 * Starts Redis, the mock and the instances; `close()` stops them all.
 *
 * @example
 * const campaign = await startCampaign({ instances: 3, perWindow: 35, windowMs: 60_000, importProcessingMs: 5_000 });
 * const sent = await campaign.burst(1_000, 50);
 */
export async function startCampaign(options: CampaignOptions) {
  const redis: TestRedisServer = await startRedisServer();
  const mock: MockDotdigital = createMockDotdigital({ rateLimit: { perMinute: options.perWindow, windowMs: options.windowMs }, importProcessingMs: options.importProcessingMs });
  const calls: MockCall[] = [];
  const mockServer: Server = createServer(getRequestListener(async (req) => {
    const at = Date.now(); // when it arrived: the mock counts it against the window of that moment
    const response = await mock.fetch(req);
    const path = new URL(req.url).pathname;
    if (path.startsWith('/v2/') || path.startsWith('/contacts/')) calls.push({ at, method: req.method, path, status: response.status });
    return response;
  }));
  await new Promise<void>((resolve) => mockServer.listen(0, '127.0.0.1', resolve));
  const mockUrl = `http://127.0.0.1:${(mockServer.address() as { port: number }).port}`;
  const env = {
    PATH: process.env.PATH ?? '', DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mockUrl,
    SIGNUP_REDIS_URL: redis.url, SIGNUP_ALLOWED_ORIGINS: SITE, SIGNUP_CONSENT_TEXT: 'Yes, send me the campaign newsletter.', SIGNUP_RATE_LIMIT: 'off',
    // A burst of 1,000 is about queues and crashes, not bots (the per-IP limit is off for the same reason).
    SIGNUP_HUMAN_CHECK: 'off', SIGNUP_TRUSTED_PROXY_HOPS: '1', SIGNUP_QUEUE_INTERVAL_SECONDS: '1', SIGNUP_QUEUE_LEASE_SECONDS: '5', ...options.env,
  };
  const instances: Array<{ child: ChildProcess; url: string; alive: boolean; log: string; out: string }> = [];
  instances.push(...(await Promise.all(Array.from({ length: options.instances }, () => startServe(env)))));
  const agent = new Agent({ connections: 64, keepAliveTimeout: 10_000 });
  // Every instance loads the form definition before the campaign starts, as visitors' page loads would.
  const texts = await Promise.all(instances.map(async ({ url }) => (await request(url, { dispatcher: agent })).body.text()));
  const definition = JSON.parse(texts[0]!) as { consent: { text: string; version: string } };
  let next = 0;

  /** One visitor's signup through the next live instance (a balancer skips a dead one and resends). */
  async function signUp(n: number, prefix = 'v'): Promise<SentSignup> {
    const sent = { n, email: `${prefix}${n}@campaign.example`, ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, userAgent: UA(n), consentedAt: new Date().toISOString() };
    const body = JSON.stringify({ email: sent.email, consent: { ...definition.consent, consentedAt: sent.consentedAt, pageUrl: `${SITE}/campaign` } });
    for (let tries = 0; tries < instances.length * 2; tries++) {
      const instance = instances[next++ % instances.length]!;
      if (!instance.alive) continue;
      const started = performance.now();
      try {
        const answer = await request(instance.url, {
          method: 'POST', dispatcher: agent, body,
          headers: { 'content-type': 'application/json', origin: SITE, 'user-agent': sent.userAgent, 'x-forwarded-for': sent.ip },
        });
        await answer.body.dump();
        return { ...sent, status: answer.statusCode, ms: performance.now() - started };
      } catch {
        // Connection refused or reset: that instance died mid-request; the balancer resends elsewhere.
      }
    }
    return { ...sent, status: 0, ms: 0 };
  }

  /** `count` signups, `concurrency` at a time; `during(i)` runs once the i-th has been started. */
  async function burst(count: number, concurrency: number, during: (started: number) => void = () => undefined, prefix = 'v'): Promise<SentSignup[]> {
    const results: SentSignup[] = [];
    let started = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (started < count) {
        const n = started++;
        during(n);
        results.push(await signUp(n, prefix));
      }
    }));
    return results;
  }

  return {
    redis, mock, calls, instances, burst, signUp, env, definition,
    /** SIGKILL: no goodbye, its claims and drain lock left to expire. */
    kill(i: number) {
      instances[i]!.alive = false;
      instances[i]!.child.kill('SIGKILL');
    },
    /** The accepted signups the mock does not hold yet. */
    undelivered: (sent: SentSignup[]) => sent.filter((s) => s.status >= 200 && s.status < 300 && !mock.store.contacts.has(s.email)),
    async close() {
      for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
      await agent.close();
      await new Promise((resolve) => (mockServer.closeAllConnections(), mockServer.close(resolve)));
      await redis.close();
    },
  };
}

/**
 * The most calls the mock was asked in one of its windows (refused ones included), its windows
 * found as it finds them: one starts at the first call after the last one ended.
 */
export function busiestWindow(calls: MockCall[], windowMs: number): number {
  let [start, count, most] = [-Infinity, 0, 0];
  for (const call of [...calls].sort((a, b) => a.at - b.at)) {
    if (call.at - start >= windowMs) [start, count] = [call.at, 0];
    most = Math.max(most, ++count);
  }
  return most;
}

async function startServe(env: Record<string, string>) {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--host', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const instance = { child, url: '', alive: true, log: '', out: '' };
  child.stderr!.on('data', (chunk: Buffer) => void (instance.log = (instance.log + String(chunk)).slice(-20_000)));
  instance.url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      instance.out += String(chunk);
      const match = /listening on (http:\/\/\S+:\d+)/.exec(instance.out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${instance.log}`)));
  });
  return instance;
}
