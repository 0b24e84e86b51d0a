import { describe, expect, it } from 'vitest';
import { FAILURE_TABLE } from '../../src/server/dotdigital/failure-table.js';
import type { CallBudget } from '../../src/server/dotdigital/call-budget.js';
import { createMemoryCallBudget, createMemorySignupQueue } from '../../src/server/index.js';
import { CONTACT_WRITE, consentFor, errorOf, fakeClock, post, proxyInOutage, proxyWithMock, status } from '../support/proxy-fixture.js';

const RATE_LIMITED = { 'x-ratelimit-limit': '35', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '40' };

/** A proxy on a fake clock whose contact writes answer as told; with a queue when asked. */
async function proxy(options: { queue?: boolean; probeEveryMs?: number } = {}) {
  const queue = createMemorySignupQueue();
  const budget = createMemoryCallBudget({ probeEveryMs: options.probeEveryMs ?? 15_000 });
  const p = proxyInOutage({ ...(options.queue ? { queue } : {}), stores: { budget }, retry: { budgetMs: 8_000 } }, CONTACT_WRITE);
  p.recover();
  await consentFor(p.handler);
  const signUp = async (email: string) => p.handler(post({ email, preferences: [2], consent: await consentFor(p.handler) }));
  const calls = () => p.upstream.length;
  return { ...p, queue, budget, signUp, calls };
}

describe('one call budget: after a 429 or during an outage nobody waits and nothing is sent', () => {
  it('after a 429, signups are queued at once without a call until X-RateLimit-Reset, then go live again', async () => {
    const p = await proxy({ queue: true });
    p.faults.push({ path: CONTACT_WRITE, times: 1, answer: status(429, { message: 'Too many requests' }, RATE_LIMITED) });
    expect((await p.signUp('first@example.com')).status).toBe(202); // the reset is past its retry budget
    const sleeps = p.clock.sleeps.length;
    const before = p.calls();
    const answers = await Promise.all(['a', 'b', 'c'].map((n) => p.signUp(`${n}@example.com`)));
    expect(answers.map((r) => r.status)).toEqual([202, 202, 202]);
    expect(p.calls() - before).toBe(0);
    expect(p.clock.sleeps.length).toBe(sleeps); // nobody waited out a retry budget
    expect(p.queue.size).toBe(4);
    expect(p.logger.lines).toContainEqual(expect.objectContaining({ message: 'Dotdigital unavailable: signup queued for later delivery', details: expect.objectContaining({ kind: 'held_back' }) }));
    p.clock.time += 40_000;
    expect((await p.signUp('later@example.com')).status).toBe(201);
  });

  it('without a queue the visitor gets 503 with Retry-After at once, as the held_back row says', async () => {
    const p = await proxy();
    p.faults.push({ path: CONTACT_WRITE, times: 1, answer: status(429, { message: 'Too many requests' }, RATE_LIMITED) });
    await p.signUp('first@example.com');
    const before = p.calls();
    const response = await p.signUp('second@example.com');
    const row = FAILURE_TABLE.held_back;
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('40');
    expect(await errorOf(response)).toMatchObject({ code: typeof row.answer === 'object' && row.answer.code });
    expect(p.calls()).toBe(before);
    expect(p.logger.lines).toContainEqual(expect.objectContaining({ level: row.log.level, message: row.log.text }));
  });

  it('while Dotdigital is down, signups are queued at once, and one probe at a time finds out it is back', async () => {
    const p = await proxy({ queue: true, probeEveryMs: 10_000 });
    p.faults.push({ path: CONTACT_WRITE, times: Infinity, answer: status(503) });
    expect((await p.signUp('first@example.com')).status).toBe(202); // three failures: an outage
    const before = p.contactWrites();
    const start = p.clock.time;
    const answers = await Promise.all(Array.from({ length: 5 }, (_, n) => p.signUp(`v${n}@example.com`)));
    expect(answers.map((r) => r.status)).toEqual(Array(5).fill(202));
    expect(p.contactWrites()).toBe(before);
    expect(p.clock.time).toBe(start); // no retry wait at all
    p.clock.time += 10_000;
    // Five visitors at once after the probe interval: exactly one of them probes.
    await Promise.all(Array.from({ length: 5 }, (_, n) => p.signUp(`w${n}@example.com`)));
    // Exactly one visitor probes: its contact read is answered (which ends the outage), its write
    // fails three times (a new outage); the other four are queued without a call.
    expect(p.upstream.slice(-4).map((r) => new URL(r.url).pathname)).toEqual([expect.stringMatching(/^\/contacts\/v3\/email\/w\d%40example\.com$/), ...Array(3).fill('/v2/contacts/with-consent-and-preferences')]);
    expect(p.contactWrites() - before).toBe(3);
    p.faults.splice(0, Infinity);
    p.clock.time += 10_000;
    expect((await p.signUp('probe@example.com')).status).toBe(201); // the probe succeeds: the outage is over
    expect((await p.signUp('after@example.com')).status).toBe(201);
  });

  it('queue delivery asks the same budget: a round during the rate limit sends nothing and keeps every entry', async () => {
    const p = await proxy({ queue: true });
    p.faults.push({ path: CONTACT_WRITE, times: 1, answer: status(429, { message: 'Too many requests' }, RATE_LIMITED) });
    await p.signUp('first@example.com');
    await p.signUp('second@example.com');
    p.clock.time += 30_000;
    const before = p.calls();
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 0, dropped: 0 });
    expect(p.calls() - before).toBe(0); // the definition's refresh is held back too; the cached one serves
    expect(p.queue.size).toBe(2);
    // Held back is no attempt: both wait, unpenalised, exactly until the reset (40 s after the 429).
    const waiting = await p.queue.claim({ now: Number.MAX_SAFE_INTEGER, limit: 10, leaseMs: 1 });
    expect(waiting.map((entry) => [entry.attempts, entry.dueAt - p.clock.now()])).toEqual([[0, 10_000], [0, 10_000]]);
    for (const entry of waiting) await p.queue.reschedule(entry.id, entry.lease, { attempts: entry.attempts, dueAt: entry.dueAt });
    p.clock.time += 60 * 60_000;
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 2 });
  });

  it.each([
    ['learns X-RateLimit-Limit: a burst right at the reset of the mock’s rate limit draws no 429', true],
    ['(the control: a budget never told the limit lets the same burst draw 429s)', false],
  ])('%s', async (_name, toldTheLimit) => {
    const clock = fakeClock();
    const reset = clock.time + 60_000;
    const queue = createMemorySignupQueue();
    const memory = createMemoryCallBudget();
    // A burst is every visitor asking before any answer is back: once the window has reset,
    // contact calls are answered only when all ten signups have asked the budget for a call.
    let [asked, everyoneAsked] = [0, () => {}];
    const allAsked = new Promise<void>((resolve) => (everyoneAsked = resolve));
    const budget: CallBudget = {
      mayCall: (now) => {
        if (now >= reset && ++asked === 10) everyoneAsked();
        return memory.mayCall(now);
      },
      record: (now, outcome) => memory.record(now, toldTheLimit || outcome.kind !== 'answered' || !outcome.rateLimit ? outcome : { ...outcome, rateLimit: { ...outcome.rateLimit, limit: undefined } }),
    };
    // Dotdigital's smallest tier is 35 calls a minute; 6 keeps the burst small. Proxy and mock share one clock.
    const p = proxyWithMock({ clock, queue, stores: { budget } }, { rateLimit: { perMinute: 6 }, now: () => new Date(clock.time) });
    const signUp = async (email: string) => p.handler(post({ email, preferences: [2], consent: await consentFor(p.handler) }));
    expect((await signUp('early@example.com')).status).toBe(201); // the first window: the budget reads the headers
    clock.time = reset; // the window has reset
    p.faults.push({ path: /\/contacts\//, times: Infinity, answer: async (request) => (await allAsked, p.mock.fetch(request)) });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => signUp(`burst${n}@example.com`)));
    const inNewWindow = p.mock.store.requests.filter((call) => call.at >= new Date(reset).toISOString());
    const refused = inNewWindow.filter((call) => call.status === 429).length;
    if (!toldTheLimit) return void expect(refused).toBeGreaterThan(0);
    expect(refused).toBe(0);
    expect(inNewWindow).toHaveLength(6); // the window's six calls, spent and answered
    expect(answers.map((r) => r.status).sort()).toEqual([...Array(10 - queue.size).fill(201), ...Array(queue.size).fill(202)]);
    expect(queue.size).toBeGreaterThan(0); // what did not fit waits, queued, instead of drawing a 429
  });

  it('two handlers given one budget share it: a 429 one meets holds the other back', async () => {
    const budget = createMemoryCallBudget();
    const a = await proxy();
    const b = proxyWithMock({ clock: a.clock, stores: { budget }, fetch: a.upstreamFetch as typeof fetch });
    const aShared = proxyWithMock({ clock: a.clock, stores: { budget }, fetch: a.upstreamFetch as typeof fetch });
    await consentFor(b.handler);
    a.faults.push({ path: CONTACT_WRITE, times: 1, answer: status(429, { message: 'Too many requests' }, RATE_LIMITED) });
    await aShared.handler(post({ email: 'x@example.com', preferences: [2], consent: await consentFor(aShared.handler) }));
    const before = a.upstream.length;
    const response = await b.handler(post({ email: 'y@example.com', preferences: [2], consent: await consentFor(b.handler) }));
    expect(response.status).toBe(503);
    expect(a.upstream.length).toBe(before);
  });
});
