import { once } from 'node:events';
import { afterAll, expect, it } from 'vitest';
import { runCli, stopClis } from '../support/run-cli.js';
import { startCampaign } from '../support/campaign.js';

// Issue 23, with real processes: two `dotdigital-signup serve` on one real Redis, the mock
// Dotdigital in an outage. Probes, `status --json`, `/metrics`, Redis stopped and started
// again, signups past a short age limit kept as dead letters, and `requeue --all` delivering
// every one with its consent record. One set of processes serves every check.
const SIGNUPS = 40;
const MAX_AGE_S = 20; // long enough for status and metrics to see all 40 queued first, on a busy machine
let campaign: Awaited<ReturnType<typeof startCampaign>> | undefined;
afterAll(async () => {
  stopClis();
  await campaign?.close();
});

type Readiness = { ready: boolean; checks: Record<string, { ok: boolean; problem?: string }> };
const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
};
const readiness = async (base: string) => {
  const { status, text } = await get(`${base}/readyz`);
  return { status, body: JSON.parse(text) as Readiness };
};
/** A command run beside the instances, with their environment; its exit code and output. */
async function command(args: string[], env: Record<string, string>) {
  const cli = runCli(args, env);
  const [code] = (await once(cli.child, 'exit')) as [number];
  return { code, out: cli.stdout(), stderr: cli.stderr() };
}
/** One value of a metric in Prometheus text (its first series). */
const metric = (text: string, name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

it('two serve on one Redis in an outage: probes, status, metrics, dead letters past the age limit, requeue delivers every one', async () => {
  const started = Date.now();
  campaign = await startCampaign({
    instances: 2, perWindow: 1_000, windowMs: 60_000, importProcessingMs: 200,
    env: { SIGNUP_QUEUE_MAX_AGE_HOURS: (MAX_AGE_S / 3_600).toFixed(6), SIGNUP_METRICS_PORT: '0' },
  });
  const c = campaign;
  const bases = c.instances.map((instance) => instance.url);
  const metricsUrls = c.instances.map((instance) => /Metrics \(Prometheus text\) on (http:\/\/\S+)/.exec(instance.out)?.[1]);
  expect(metricsUrls.every(Boolean), c.instances.map((i) => i.out).join('\n')).toBe(true);
  for (const base of bases) {
    expect(await get(`${base}/healthz`)).toEqual({ status: 200, text: '{"status":"ok"}' });
    expect(await readiness(base)).toEqual({ status: 200, body: { ready: true, checks: { redis: { ok: true } } } });
  }

  // Dotdigital goes down: every signup is queued.
  await c.mock.fetch(new Request('http://mock.test/_mock/outage', { method: 'POST', body: new URLSearchParams({ state: 'on' }) }));
  const sent = await c.burst(SIGNUPS, 10, undefined, 'down');
  expect(sent.map((s) => s.status)).toEqual(Array(SIGNUPS).fill(202));

  const status = await command(['status', '--json'], c.env);
  expect(status.code, status.out).toBe(0);
  const report = JSON.parse(status.out) as { queue: { queued: number; oldestWaitedSeconds: number }; deadLetters: { count: number }; dotdigital: { down: boolean } };
  expect(report.queue.queued).toBe(SIGNUPS);
  expect(report.deadLetters.count).toBe(0);
  expect(report.dotdigital.down).toBe(true);
  const scraped = await Promise.all(metricsUrls.map(async (url) => (await get(url!)).text));
  for (const text of scraped) expect(metric(text, 'dotdigital_signup_queued')).toBe(SIGNUPS); // each instance reports the shared queue
  expect(scraped.reduce((sum, text) => sum + (metric(text, 'dotdigital_signup_signups_total\\{status="queued"[^}]*\\}') || 0), 0)).toBe(SIGNUPS);

  // Redis stops: not ready (the process still healthy); back: ready again.
  await c.redis.stop();
  for (const base of bases) {
    await expect.poll(async () => (await readiness(base)).status, { timeout: 5_000, interval: 100 }).toBe(503);
    const { body } = await readiness(base);
    expect(body).toEqual({ ready: false, checks: { redis: { ok: false, problem: expect.stringMatching(/^Redis at redis:\/\/127\.0\.0\.1:\d+ is unreachable: .*Check SIGNUP_REDIS_URL/) } } });
    expect((await get(`${base}/healthz`)).status).toBe(200);
  }
  await c.redis.restart();
  for (const base of bases) await expect.poll(async () => (await readiness(base)).status, { timeout: 10_000, interval: 200 }).toBe(200);

  // Past the age limit, every signup is a dead letter, kept whole.
  await expect.poll(async () => metric((await get(metricsUrls[0]!)).text, 'dotdigital_signup_dead_letters'), { timeout: (MAX_AGE_S + 20) * 1000, interval: 500 }).toBe(SIGNUPS);
  const listed = await command(['dead-letters', '--json'], c.env);
  expect(listed.code, listed.out).toBe(0);
  const letters = JSON.parse(listed.out) as Array<{ id: string; reason: string; contact: string; email?: string; consentTextCurrent: boolean }>;
  expect(letters).toHaveLength(SIGNUPS);
  expect(new Set(letters.map((letter) => letter.reason))).toEqual(new Set(['expired']));
  expect(letters.every((letter) => /^e:[0-9a-f]{16}$/.test(letter.contact) && letter.email === undefined && letter.consentTextCurrent)).toBe(true);
  expect(listed.out).not.toContain('@campaign.example'); // addresses only with --show-email
  expect((await command(['status', '--json'], c.env)).out).toContain(`"queued": 0`);

  // Bad input changes nothing: an unknown id.
  const unknown = await command(['requeue', letters[0]!.id, 'no-such-id'], c.env);
  expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('No dead letter "no-such-id"')]);
  expect(metric((await get(metricsUrls[0]!)).text, 'dotdigital_signup_dead_letters')).toBe(SIGNUPS);

  // Dotdigital is back; the operator requeues them all; every one arrives with its consent record.
  await c.mock.fetch(new Request('http://mock.test/_mock/outage', { method: 'POST', body: new URLSearchParams({ state: 'off' }) }));
  const requeued = await command(['requeue', '--all'], c.env);
  expect([requeued.code, requeued.out]).toEqual([0, expect.stringContaining(`Requeued ${SIGNUPS} dead letters`)]);
  await expect.poll(() => c.undelivered(sent).length, { timeout: 60_000, interval: 500 }).toBe(0);
  for (const signup of sent) {
    expect(c.mock.store.contacts.get(signup.email)!.consentRecords.at(-1)?.fields, signup.email).toMatchObject({ TEXT: 'Yes, send me the campaign newsletter.', IPADDRESS: signup.ip, USERAGENT: signup.userAgent });
  }
  await expect.poll(async () => metric((await get(metricsUrls[0]!)).text, 'dotdigital_signup_queued'), { timeout: 10_000, interval: 500 }).toBe(0);

  // Every line both instances wrote to stderr is one JSON object.
  for (const instance of c.instances) {
    const lines = instance.log.trim().split('\n');
    if (instance.log.length >= 20_000) lines.shift(); // the kept tail may start mid-line
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  }
  console.log(`operate e2e: ${SIGNUPS} queued, dead-lettered after ${MAX_AGE_S} s and requeued, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}, 150_000);
