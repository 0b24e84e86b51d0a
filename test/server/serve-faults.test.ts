import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../src/mock/index.js';
import { createRedisStores } from '../../src/server/stores/redis/index.js';
import { logLines, runCli, stopClis } from '../support/run-cli.js';
import { mockOutage, signUpOverHttp } from '../support/sign-up-over-http.js';
import { queuedSignup } from './queue/signup-queue-contract.js';
import { startRedisServer, type TestRedisServer } from '../support/redis-server.js';

// Faults that heal by themselves and mistakes that are named, with real processes: `serve` from
// the build, a real redis-server started and stopped, and the mock over HTTP. Times are printed
// (the figures of issue 24); the assertions are on answers, counts and order, never on time.
const SITE = 'https://www.example.com';
let mock: Awaited<ReturnType<typeof listenMock>>;
// What Dotdigital (the mock) sees: API calls in all, and at most how many at once.
const seen = { calls: 0, inFlight: 0, maxInFlight: 0 };
beforeAll(async () => {
  mock = await listenMock({ importProcessingMs: 2_500 });
  mock.server.on('request', (request, response) => {
    if (request.url?.startsWith('/_mock')) return;
    seen.calls++;
    seen.maxInFlight = Math.max(seen.maxInFlight, ++seen.inFlight);
    response.once('close', () => seen.inFlight--);
  });
});
afterAll(() => mock.close());
afterEach(stopClis);

const env = (more: Record<string, string>) => ({ DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mock.url, SIGNUP_ALLOWED_ORIGINS: SITE, SIGNUP_RATE_LIMIT: 'off', ...more });
const outage = (state: 'on' | 'off') => mockOutage(mock.url, state);
const serve = (more: Record<string, string>) => runCli(['serve', '--port', '0', '--host', '127.0.0.1'], env(more));
const signUp = (base: string, email: string) => signUpOverHttp(base, email, SITE);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

describe('serve with Redis and Dotdigital both down', () => {
  let redis: TestRedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
    await redis.stop(); // down from the start: a cold start in a Redis outage
  });
  afterAll(() => redis.close());

  it('answers every visitor 503 with Retry-After at once, Dotdigital sees a probe at a time, and Redis is used once it is back, without a restart', async () => {
    await outage('off');
    const proxy = serve({ SIGNUP_REDIS_URL: redis.url });
    const base = await proxy.url;
    expect(proxy.stderr()).toMatch(/Redis at redis:\/\/127\.0\.0\.1:\d+ is unreachable: connection refused \(ECONNREFUSED\).*Check SIGNUP_REDIS_URL/);
    await fetch(base); // the form definition, while Dotdigital answers
    mock.mock.setLatency(200); // a slow failing Dotdigital: concurrent calls would overlap, so a second probe at once would show
    await outage('on');
    try {
      Object.assign(seen, { calls: 0, maxInFlight: seen.inFlight });
      const answers = [];
      for (let n = 0; n < 40; n++) answers.push(await signUp(base, `down-${n}@example.com`));
      const sequentialCalls = seen.calls;
      answers.push(...(await Promise.all(Array.from({ length: 10 }, (_, n) => signUp(base, `burst-${n}@example.com`)))));
      const ms = answers.map((answer) => answer.ms);
      console.info(
        `Redis and Dotdigital down, 50 signups (40 one by one, 10 at once): p50 ${Math.round(percentile(ms, 50))} ms, p95 ${Math.round(percentile(ms, 95))} ms, ` +
          `max ${Math.round(Math.max(...ms))} ms; Dotdigital saw ${seen.calls} calls (${sequentialCalls} before the burst), at most ${seen.maxInFlight} at once`,
      );
      expect(answers.map((answer) => [answer.status, (answer.body as { error?: { code?: string } }).error?.code])).toEqual(Array(50).fill([503, 'upstream_unavailable']));
      expect(answers.every((answer) => Number(answer.retryAfter) >= 1)).toBe(true);
      // The first visitor's calls find the outage (3 failures); after that, calls are held back: at most a probe, one at a time.
      expect(sequentialCalls).toBeGreaterThanOrEqual(3);
      expect(seen.calls).toBeLessThanOrEqual(5);
      expect(seen.maxInFlight).toBe(1);

      await redis.restart();
      const upAt = performance.now();
      let queued: Awaited<ReturnType<typeof signUp>> | undefined;
      for (let n = 0; !queued && performance.now() - upAt < 20_000; n++) {
        const answer = await signUp(base, `back-${n}@example.com`);
        if (answer.status === 202) queued = answer;
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      console.info(`serve: queued into Redis ${Math.round(performance.now() - upAt)} ms after Redis came up (no restart)`);
      expect(queued?.body).toEqual({ status: 'queued' });
      const stores = createRedisStores({ redis: redis.url });
      expect(await stores.queue.size()).toBe(1);
      await stores.close();
      await expect.poll(() => proxy.stderr(), { timeout: 5_000 }).toMatch(/Redis at redis:\/\/127\.0\.0\.1:\d+ is reachable again/);
    } finally {
      mock.mock.setLatency(0);
      await outage('off');
    }
  }, 60_000);
});

describe('a drainer SIGKILLed in the middle of a bulk import', () => {
  let redis: TestRedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis.close());

  it('has its backlog delivered by another instance once its lease runs out: the import polled, never sent again', async () => {
    const stores = createRedisStores({ redis: redis.url });
    const emails = Array.from({ length: 30 }, (_, n) => `kill-${n}@example.com`);
    for (const [n, email] of emails.entries()) {
      const { contact } = queuedSignup(`kill-${n}`);
      await stores.queue.add(queuedSignup(`kill-${n}`, { acceptedAt: Date.now() - 60_000 + n, contact: { ...contact, email, dataFields: [], pageUrl: `${SITE}/`, shown: [2], ticked: [2] } }));
    }
    const importsBefore = mock.mock.store.imports.length;
    // Two instances, delivering every 0.3 s, with a lease of 1.5 s (default 20 s) so the test takes seconds.
    const instances = [0, 1].map(() => serve({ SIGNUP_REDIS_URL: redis.url, SIGNUP_QUEUE_INTERVAL_SECONDS: '0.3', SIGNUP_QUEUE_LEASE_SECONDS: '1.5' }));
    await Promise.all(instances.map((instance) => instance.url));
    await expect.poll(() => instances.findIndex((instance) => instance.stderr().includes('Started a bulk import')), { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(0);
    const victim = instances.findIndex((instance) => instance.stderr().includes('Started a bulk import'));
    instances[victim]!.child.kill('SIGKILL');
    const killedAt = performance.now();
    expect(mock.mock.store.contacts.has(emails[0]!)).toBe(false); // still processing: nothing delivered before the kill
    const survivor = instances[1 - victim]!;
    await expect.poll(() => emails.filter((email) => mock.mock.store.contacts.has(email)).length, { timeout: 110_000, interval: 100 }).toBe(30);
    const deliveredMs = performance.now() - killedAt;
    await expect.poll(() => stores.queue.size(), { timeout: 5_000 }).toBe(0);
    console.info(`dead drainer: its backlog of 30 was delivered by the other instance ${(deliveredMs / 1000).toFixed(1)} s after the SIGKILL (lease 1.5 s, import processing 2.5 s, first poll 5 s after the import began)`);
    expect(mock.mock.store.imports.length - importsBefore).toBe(1); // polled by the survivor, not sent again
    expect(survivor.stderr()).not.toContain('Started a bulk import');
    expect(mock.mock.store.contacts.get(emails[7]!)!.consentRecords.at(-1)!.fields).toMatchObject({ URL: `${SITE}/`, IPADDRESS: '203.0.113.7', USERAGENT: 'Vitest/1.0' });
    await stores.close();
  }, 150_000);
});

describe('every wrong Redis setting gets a message naming it', () => {
  let secured: TestRedisServer;
  let tls: { port: number; close(): void };
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dds-tls-'));
    // A self-signed certificate, as a Redis with TLS set up by hand often has: the client must refuse it, and say so.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    const server = createTlsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (socket) => socket.end());
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    tls = { port: (server.address() as { port: number }).port, close: () => server.close() };
    secured = await startRedisServer({ args: ['--requirepass', 'right-password'] });
  });
  afterAll(async () => {
    tls.close();
    await secured.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const exits = async (more: Record<string, string>) => {
    const proxy = serve(more);
    const [code] = (await once(proxy.child, 'exit')) as [number];
    return { code, stderr: proxy.stderr() };
  };

  it('a wrong password, a missing one, an untrusted TLS certificate, an empty URL and a mistyped one stop serve, each saying which (no password printed)', async () => {
    const port = secured.port;
    const [wrong, missing, untrusted, empty, mistyped] = await Promise.all([
      exits({ SIGNUP_REDIS_URL: `redis://:hunter2@127.0.0.1:${port}` }),
      exits({ SIGNUP_REDIS_URL: `redis://127.0.0.1:${port}` }),
      exits({ SIGNUP_REDIS_URL: `rediss://:hunter2@127.0.0.1:${tls.port}/0` }),
      exits({ SIGNUP_REDIS_URL: '' }),
      exits({ SIGNUP_REDIS_URL: `redis:/:hunter2@127.0.0.1:${port}` }),
    ]);
    // Issue 23: serve's fatal error is a JSON line too, its last: the message is what the plain line said.
    const why = (run: { stderr: string }) => logLines(run.stderr).at(-1)!;
    expect(why(wrong)).toMatchObject({ level: 'error', message: expect.stringContaining(`Redis at redis://:****@127.0.0.1:${port} is unreachable: the password (or user name) in the URL is wrong (WRONGPASS invalid username-password pair or user is disabled). Check SIGNUP_REDIS_URL`) });
    expect(why(missing).message).toContain(`Redis at redis://127.0.0.1:${port} is unreachable: Redis asks for a password and the URL has none (NOAUTH)`);
    expect(why(untrusted).message).toMatch(new RegExp(`^Redis at rediss://:\\*\\*\\*\\*@127\\.0\\.0\\.1:${tls.port}/0 is unreachable: TLS: the server's certificate is not trusted \\((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)`));
    expect(why(empty).message).toContain('SIGNUP_REDIS_URL="" is not valid: it is set but empty');
    expect(why(mistyped).message).toContain('SIGNUP_REDIS_URL="redis:/****@127.0.0.1');
    for (const run of [wrong, missing, untrusted, empty, mistyped]) {
      expect(run.code).toBe(1);
      expect(run.stderr).not.toContain('hunter2');
    }
  }, 30_000);

  it('a host name that does not resolve, and a mistyped variable name, are named while serve runs', async () => {
    const [dns, typo] = [serve({ SIGNUP_REDIS_URL: 'redis://no-such-host.invalid:6379' }), serve({ SIGNUP_REDIS: `redis://127.0.0.1:${secured.port}` })];
    await Promise.all([dns.url, typo.url]);
    expect(dns.stderr()).toContain('Redis at redis://no-such-host.invalid:6379 is unreachable: DNS: the host name \\"no-such-host.invalid\\" does not resolve (ENOTFOUND). Check SIGNUP_REDIS_URL');
    expect(typo.stderr()).toContain('SIGNUP_REDIS is not a variable dotdigital-signup reads — did you mean SIGNUP_REDIS_URL?');
    expect(typo.output()).not.toContain('queueing signups');
  }, 30_000);
});
