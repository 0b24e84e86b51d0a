import { once } from 'node:events';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../src/mock/index.js';
import { createFileSignupQueue } from '../../src/server/node/index.js';
import { logLines, runCli, stopClis } from '../support/run-cli.js';
import { proofOverHttp } from '../support/solve-proof.js';

// `dotdigital-signup serve`, run from the build exactly as `npx dotdigital-signup serve` runs it.
const SITE = 'https://www.example.com';
let mock: Awaited<ReturnType<typeof listenMock>>;
beforeAll(async () => {
  mock = await listenMock();
});
afterAll(() => mock.close());
afterEach(stopClis);

function serve(env: Record<string, string>, apiUrl = mock.url) {
  return runCli(['serve', '--port', '0', '--host', '127.0.0.1'], { DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: apiUrl, ...env });
}

describe('dotdigital-signup serve', () => {
  it('signs up through the configured options and logs JSON lines without the address', async () => {
    const proxy = serve({ SIGNUP_ALLOWED_ORIGINS: SITE, SIGNUP_CONSENT_TEXT: 'Serve consent.', SIGNUP_ADDRESS_BOOK_ID: '101', SIGNUP_PREFERENCES: '5' });
    const base = await proxy.url;
    const definition = (await (await fetch(base)).json()) as { consent: { text: string; version: string }; preferences: unknown };
    expect(definition.preferences).toEqual([{ id: 5, label: 'Events near you' }]);
    const response = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: SITE },
      // The proof of work is on by default in `serve`: solved as the widget would.
      body: JSON.stringify({ email: 'serve@example.com', preferences: [5], consent: { ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/` }, proof: await proofOverHttp(base) }),
    });
    expect(response.status).toBe(201);
    expect([...mock.mock.store.contacts.get('serve@example.com')!.addressBooks]).toEqual([101]);
    await expect.poll(() => proxy.stderr()).toContain('"Signed up"'); // the child's log line has crossed the pipe
    const lines = logLines(proxy.stderr());
    expect(lines).toContainEqual(expect.objectContaining({ level: 'info', message: 'Signed up', contact: expect.stringMatching(/^e:[0-9a-f]{16}$/) }));
    expect(proxy.stderr()).not.toContain('serve@example.com');
    expect(proxy.stderr()).not.toContain(DEMO_API_PASSWORD);
    proxy.child.kill('SIGTERM');
    const [code] = await once(proxy.child, 'exit');
    expect(code).toBe(0);
  });

  // Issue 23: start-up warnings and fatal errors are JSON lines too (they were plain text), and so are Node's own warnings.
  // Issue 20: which origins it accepts is said at start (same-origin by default, so no warning for it).
  it('says at start which origins it accepts, and warns, as JSON lines, when no consent text is set', async () => {
    const proxy = serve({ NODE_OPTIONS: `--require ${fileURLToPath(new URL('../support/emit-warning.cjs', import.meta.url))}` });
    await proxy.url;
    await expect.poll(() => logLines(proxy.stderr()).map((line) => [line.level, line.message.slice(0, 40)]).sort(), { timeout: 10_000 }).toEqual([
      ['warn', 'A warning Node prints after start-up'],
      ['warn', 'SIGNUP_CONSENT_TEXT is not set, so the f'],
    ]);
    expect(proxy.stderr()).toContain('SIGNUP_CONSENT_TEXT is not set, so the form shows and records a generic consent statement');
    expect(proxy.output()).toContain('Accepting signups only from pages on this proxy\'s own origin: set SIGNUP_ALLOWED_ORIGINS');
    const listed = serve({ SIGNUP_ALLOWED_ORIGINS: `${SITE},https://shop.example.com`, SIGNUP_CONSENT_TEXT: 'Yes.' });
    await listed.url;
    await expect.poll(() => listed.output(), { timeout: 10_000 }).toContain(`Accepting signups from pages on ${SITE}, https://shop.example.com (SIGNUP_ALLOWED_ORIGINS)`);
  }, 15_000);

  it('exits 1 naming a variable that cannot be right, in one JSON line', async () => {
    const proxy = serve({ SIGNUP_OPT_IN_TYPE: 'Double' });
    const [code] = await once(proxy.child, 'exit');
    expect(code).toBe(1);
    expect(logLines(proxy.stderr())).toEqual([expect.objectContaining({ level: 'error', message: expect.stringContaining('SIGNUP_OPT_IN_TYPE="Double" is not valid: use Single or VerifiedDouble') })]);
  });

  describe('with SIGNUP_QUEUE_FILE', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'serve-queue-'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('queues a signup Dotdigital rate-limits beyond the budget, and owns its file alone', async () => {
      const limited = await listenMock({ rateLimit: { perMinute: 1 } }); // the form definition uses the minute's one call
      try {
        const file = join(dir, 'limited.jsonl');
        const proxy = serve({ SIGNUP_ALLOWED_ORIGINS: SITE, SIGNUP_QUEUE_FILE: file }, limited.url);
        const base = await proxy.url;
        const definition = (await (await fetch(base)).json()) as { consent: { text: string; version: string } };
        const response = await fetch(base, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: SITE },
          body: JSON.stringify({ email: 'later@example.com', consent: { ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/` }, proof: await proofOverHttp(base) }),
        });
        expect(response.status).toBe(202);
        expect(await response.json()).toEqual({ status: 'queued' });
        const stored = JSON.parse((await readFile(file, 'utf8')).trim()) as { add: { contact: { email: string; ipAddress: string } } };
        expect(stored.add.contact).toMatchObject({ email: 'later@example.com', ipAddress: '127.0.0.1' });
        expect((await stat(file)).mode & 0o777).toBe(0o600);

        const second = serve({ SIGNUP_QUEUE_FILE: file }, limited.url);
        const [code] = await once(second.child, 'exit');
        expect(code).toBe(1);
        expect(logLines(second.stderr()).map((line) => line.message)).toEqual([expect.stringContaining(`The signup queue file ${file} is in use by process ${proxy.child.pid}`)]);

        proxy.child.kill('SIGTERM');
        expect((await once(proxy.child, 'exit'))[0]).toBe(0);
        await expect(stat(`${file}.lock`)).rejects.toThrow(/ENOENT/); // released for the next process
      } finally {
        await limited.close();
      }
    });

    it('delivers on its interval what an earlier process left in the file', async () => {
      const file = join(dir, 'left.jsonl');
      const earlier = await createFileSignupQueue({ path: file });
      await earlier.add({
        id: 'left-1', acceptedAt: Date.now() - 60_000, dueAt: 0, attempts: 2,
        contact: { email: 'left@example.com', optInType: 'Single', dataFields: [], consentText: 'Serve consent.', consentedAt: '2026-01-02T03:04:05.000Z', pageUrl: `${SITE}/`, ipAddress: '192.0.2.9', userAgent: 'Left/1.0', shown: [5], ticked: [5] },
      });
      await earlier.close();
      const proxy = serve({ SIGNUP_QUEUE_FILE: file, SIGNUP_QUEUE_INTERVAL_SECONDS: '0.1' });
      await proxy.url;
      await expect.poll(() => mock.mock.store.contacts.get('left@example.com')?.consentRecords.at(-1)?.fields, { timeout: 5_000 }).toMatchObject({
        DATETIMECONSENTED: '2026-01-02T03:04:05.000Z', IPADDRESS: '192.0.2.9', USERAGENT: 'Left/1.0',
      });
      expect([...mock.mock.store.contacts.get('left@example.com')!.optedIn]).toEqual([5]);
      await expect.poll(() => proxy.stderr(), { timeout: 5_000 }).toContain('"delivered":1');
      expect(await readFile(file, 'utf8')).toContain('left@example.com'); // delivered: marked removed, rewritten within a minute…
      proxy.child.kill('SIGTERM');
      await once(proxy.child, 'exit');
      expect(await readFile(file, 'utf8')).not.toContain('left@example.com'); // …or at a clean stop, as here
      const reopened = await createFileSignupQueue({ path: file });
      expect(reopened.size).toBe(0);
      await reopened.close();
    });

    it('exits 1 naming a queue variable that cannot be right', async () => {
      const proxy = serve({ SIGNUP_QUEUE_FILE: join(dir, 'bad.jsonl'), SIGNUP_QUEUE_MAX_AGE_HOURS: 'soon' });
      const [code] = await once(proxy.child, 'exit');
      expect(code).toBe(1);
      expect(logLines(proxy.stderr())).toEqual([expect.objectContaining({ level: 'error', message: expect.stringContaining('SIGNUP_QUEUE_MAX_AGE_HOURS="soon" is not valid') })]);
    });
  });
});
