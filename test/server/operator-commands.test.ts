import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../src/mock/index.js';
import { createFileSignupQueue } from '../../src/server/node/index.js';
import { createEmailRef } from '../../src/server/shared/email-ref.js';
import { queuedEntry } from './queue/signup-queue-contract.js';
import { logLines, runCli, stopClis } from '../support/run-cli.js';
import { freePort } from '../support/redis-server.js';

// Issue 23: `status`, `dead-letters` and `requeue` beside a running proxy, from the build; bad
// input says what to do, exits 1 and changes nothing. (Redis: test/e2e-processes/operate.test.ts.)
const SITE = 'https://www.example.com';
let mock: Awaited<ReturnType<typeof listenMock>>;
let dir: string;
beforeAll(async () => {
  [mock, dir] = await Promise.all([listenMock(), mkdtemp(join(tmpdir(), 'operator-commands-'))]);
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(stopClis);

const env = (more: Record<string, string> = {}) => ({ DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mock.url, SIGNUP_ALLOWED_ORIGINS: SITE, SIGNUP_CONSENT_TEXT: 'Yes.', ...more });
async function run(args: string[], environment: Record<string, string>) {
  const cli = runCli(args, environment);
  const [code] = (await once(cli.child, 'exit')) as [number];
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

describe('operator commands: bad input', () => {
  it('with no store configured, each says how to point it at serve\'s queue and exits 1', async () => {
    const results = await Promise.all([['status'], ['dead-letters', '--json'], ['requeue', '--all']].map((args) => run(args, env())));
    for (const result of results) {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^dotdigital-signup (status|dead-letters|requeue): No signup queue is configured: run this with the environment of `serve`, SIGNUP_REDIS_URL \(or SIGNUP_QUEUE_FILE\)/);
    }
  }, 15_000);

  it('with Redis unreachable, names SIGNUP_REDIS_URL and exits 1; requeue wants --all or ids', async () => {
    const [unreachable, neither, both] = await Promise.all([
      run(['status', '--json'], env({ SIGNUP_REDIS_URL: `redis://127.0.0.1:${await freePort()}` })),
      run(['requeue'], env({ SIGNUP_QUEUE_FILE: join(dir, 'none.jsonl') })),
      run(['requeue', '--all', 'some-id'], env({ SIGNUP_QUEUE_FILE: join(dir, 'none.jsonl') })),
    ]);
    expect([unreachable.code, unreachable.stdout]).toEqual([1, '']);
    expect(unreachable.stderr).toMatch(/^dotdigital-signup status: Redis at redis:\/\/127\.0\.0\.1:\d+ is unreachable: connection refused .*Check SIGNUP_REDIS_URL/);
    for (const result of [neither, both]) expect([result.code, result.stderr]).toEqual([1, expect.stringContaining('Say which dead letters to put back: `requeue --all`, or `requeue ID…`')]);
  }, 15_000);

  it('a file that is not there is named, not taken for an empty queue', async () => {
    const missing = await run(['status'], env({ SIGNUP_QUEUE_FILE: join(dir, 'missing.jsonl') }));
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining(`The signup queue file ${join(dir, 'missing.jsonl')} (SIGNUP_QUEUE_FILE) does not exist`)]);
  }, 15_000);
});

describe('operator commands on a file queue', () => {
  it('status and dead-letters read it while serve owns it; requeue waits for serve to stop, then puts them back with the text each visitor saw', async () => {
    const file = join(dir, 'queue.jsonl');
    const queue = await createFileSignupQueue({ path: file });
    await queue.add(queuedEntry('waiting', { acceptedAt: Date.now() - 10 * 60_000, dueAt: Date.now() + 3_600_000 }));
    await queue.bury({ entry: queuedEntry('old-text', { contact: { ...queuedEntry('x').contact, email: 'old-text@example.com', consentText: 'An older statement.' } }), reason: 'unauthorized', diedAt: Date.now() - 60_000, status: 401 });
    await queue.close();
    const settings = env({ SIGNUP_QUEUE_FILE: file, SIGNUP_QUEUE_INTERVAL_SECONDS: '3600' });
    const proxy = runCli(['serve', '--port', '0', '--host', '127.0.0.1'], settings);
    const base = await proxy.url;
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ ready: true, checks: { queueFile: { ok: true } } });

    const [status, json, letters, shown, refused] = await Promise.all([
      run(['status'], settings), run(['status', '--json'], settings), run(['dead-letters'], settings), run(['dead-letters', '--json', '--show-email'], settings), run(['requeue', '--all'], settings),
    ]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`^Signup queue: ${file}, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\n`));
    expect(status.stdout).toContain('  queued        1  (due now 0, leased: unknown (held in the serve process), waiting for a later turn 1, in bulk imports 0)');
    expect(status.stdout).toMatch(/ {2}oldest {8}waited 1[01] min \d+ s \(queued /); // accepted ten minutes ago (and however slow this machine is)
    expect(status.stdout).toContain('  dead letters  1 (unauthorized 1): `dotdigital-signup dead-letters` lists them');
    expect(status.stdout).toContain('Dotdigital: its call budget lives in the serve process (a file queue)');
    expect(JSON.parse(json.stdout)).toMatchObject({ store: { where: file }, queue: { queued: 1, due: 0, leased: null, inImports: 0 }, deadLetters: { count: 1, byReason: { unauthorized: 1 } }, dotdigital: null });

    const ref = await createEmailRef(DEMO_API_PASSWORD)('old-text@example.com');
    expect(letters.stdout).toMatch(/^1 dead letter in .*, each deleted 30 days after it died \(they hold personal data\):\nID +REASON +DIED +WAITED +ATTEMPTS +CONTACT\nold-text +unauthorized +/);
    expect(letters.stdout).toContain(ref);
    expect(letters.stdout).not.toContain('old-text@example.com');
    expect(JSON.parse(shown.stdout)).toEqual([expect.objectContaining({ id: 'old-text', reason: 'unauthorized', status: 401, contact: ref, email: 'old-text@example.com', consentTextCurrent: false, attempts: 0 })]);

    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`serve (process ${proxy.child.pid}) holds the signup queue file ${file}: a file queue has one owner, so stop serve, run this again, then start serve`);

    proxy.child.kill('SIGTERM');
    await once(proxy.child, 'exit');
    const requeued = await run(['requeue', 'old-text'], settings);
    expect([requeued.code, requeued.stdout]).toEqual([0, `Requeued 1 dead letter in ${file}: due now, sent in serve's next delivery round.\n1 of them consented to a text that is no longer SIGNUP_CONSENT_TEXT: each is delivered with the text its visitor saw, as recorded then.\n`]);
    const again = await run(['requeue', 'old-text'], settings);
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('No dead letter "old-text"')]);
    const reopened = await createFileSignupQueue({ path: file });
    try {
      expect(await reopened.deadLetters()).toEqual([]);
      expect((await reopened.claim({ now: Date.now(), limit: 10, leaseMs: 1 })).map((entry) => [entry.id, entry.contact.consentText])).toEqual([['old-text', 'An older statement.']]);
    } finally {
      await reopened.close();
    }
  }, 30_000);

  it('worker answers the probes on --port and serves metrics on SIGNUP_METRICS_PORT', async () => {
    const file = join(dir, 'worker.jsonl');
    await (await createFileSignupQueue({ path: file })).close();
    const worker = runCli(['worker', '--port', '0', '--host', '127.0.0.1'], env({ SIGNUP_QUEUE_FILE: file, SIGNUP_METRICS_PORT: '0' }));
    await expect.poll(() => worker.stdout(), { timeout: 10_000 }).toMatch(/Metrics \(Prometheus text\) on http:\/\/\S+\/metrics/);
    const probes = /probes on (http:\/\/\S+:\d+)\/healthz and \/readyz/.exec(worker.stdout())![1]!;
    const metricsUrl = /Metrics \(Prometheus text\) on (http:\/\/\S+)/.exec(worker.stdout())![1]!;
    expect([(await fetch(`${probes}/healthz`)).status, await (await fetch(`${probes}/readyz`)).json(), (await fetch(`${probes}/`)).status]).toEqual([200, { ready: true, checks: { queueFile: { ok: true } } }, 404]);
    const metrics = await (await fetch(metricsUrl)).text();
    expect(metrics).toMatch(/^dotdigital_signup_queued\{[^}]*\} 0$/m);
    expect(metrics).toMatch(/^dotdigital_signup_dead_letters\{[^}]*\} 0$/m);
    worker.child.kill('SIGTERM');
    expect((await once(worker.child, 'exit'))[0]).toBe(0);
    expect(logLines(worker.stderr()).filter((line) => line.level !== 'info')).toEqual([]);
  }, 20_000);
});
