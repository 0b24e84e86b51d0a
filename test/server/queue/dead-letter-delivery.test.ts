import { MetricReader, MeterProvider, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { HONEYPOT_FIELD } from '../../../src/core/index.js';
import { createMemorySignupQueue, createSignupHandler } from '../../../src/server/index.js';
import { DEMO_API_PASSWORD, DEMO_API_USER } from '../../../src/mock/index.js';
import { captureLogger, CONSENT_TEXT, consentFor, CONTACT_WRITE, HOUR, post, proxyInOutage, status } from '../../support/proxy-fixture.js';

// Issue 23: a signup that cannot be delivered for a reason that is not the visitor's is kept as a
// dead letter, never dropped; an operator puts it back; the visitor's own reasons are dropped and counted.
const DAY = 24 * HOUR;

/** Collects the handler's metrics on demand, as an app's SDK would. */
class TestReader extends MetricReader {
  protected override onForceFlush = async () => undefined;
  protected override onShutdown = async () => undefined;
}
const points = (collected: ResourceMetrics, name: string) =>
  collected.scopeMetrics.flatMap((scope) => scope.metrics).filter((metric) => metric.descriptor.name === name).flatMap((metric) => metric.dataPoints as Array<{ attributes: Record<string, unknown>; value: unknown }>);

/** A proxy with a queue and a fake clock, every contact write refused as `answer` until `recover()`. */
async function refusedProxy(answer = status(401, { message: 'Authorization has been denied for this request.' }), queueDelivery = {}) {
  const reader = new TestReader();
  const queue = createMemorySignupQueue();
  const p = proxyInOutage({ queue, queueDelivery: { maxAgeMs: 2 * DAY, ...queueDelivery }, meterProvider: new MeterProvider({ readers: [reader] }) }, CONTACT_WRITE);
  await consentFor(p.handler);
  const signUp = async (email: string) => {
    const consent = { ...(await consentFor(p.handler)), consentedAt: new Date(p.clock.now() - 5_000).toISOString() };
    const response = await p.handler(post({ email, preferences: [2], consent }), { clientAddress: '203.0.113.7' });
    expect(response.status).toBe(202);
  };
  const refuse = () => void p.faults.splice(0, Infinity, { path: CONTACT_WRITE, times: Infinity, answer });
  return { ...p, queue, signUp, refuse, collect: async () => (await reader.collect()).resourceMetrics };
}

describe('dead letters: delivery', () => {
  it('a wrong password over a weekend: kept while it lasts, a dead letter at the age limit (due or not), delivered as captured once requeued', async () => {
    const p = await refusedProxy();
    const consentedAt = new Date(p.clock.now() - 5_000).toISOString();
    await p.signUp('weekend@example.com');
    p.refuse();
    p.clock.time += HOUR;
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 0, postponed: 1 });
    p.clock.time += 2 * DAY - HOUR - 10_000;
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 0, postponed: 1 }); // tried again just before the limit
    p.clock.time += 20_000; // past the limit, while its next turn (a backoff step away) has not come
    expect((await p.queue.counts(p.clock.now())).due).toBe(0);
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 0, postponed: 0, deadLettered: 1 });
    const [letter] = await p.queue.deadLetters();
    expect(letter).toMatchObject({ reason: 'expired', entry: { attempts: 2, contact: { email: 'weekend@example.com', consentedAt, consentText: CONSENT_TEXT, ipAddress: '203.0.113.7' } } });
    const line = p.logger.lines.find((l) => l.message.startsWith('Moved a queued signup to the dead letters'))!;
    expect(line).toMatchObject({ level: 'error', details: { contact: expect.stringMatching(/^e:[0-9a-f]{16}$/), reason: 'expired', id: letter!.entry.id, attempts: 2 } });
    expect(line.message).toContain('`dotdigital-signup requeue` puts them back');
    expect(p.logger.text()).not.toContain('weekend@example.com');

    // The password is fixed on Monday; the operator requeues; the next round delivers what the visitor consented to then.
    p.recover();
    p.faults.splice(0, Infinity);
    expect(await p.queue.requeue({ ids: 'all', now: p.clock.now() })).toMatchObject({ requeued: [{ id: letter!.entry.id }] });
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 1, dropped: 0, postponed: 0 });
    expect(p.mock.store.contacts.get('weekend@example.com')!.consentRecords.at(-1)!.fields).toMatchObject({ TEXT: CONSENT_TEXT, DATETIMECONSENTED: consentedAt, IPADDRESS: '203.0.113.7' });
    const collected = await p.collect();
    expect(points(collected, 'dotdigital_signup.dead_lettered')).toEqual([expect.objectContaining({ attributes: { reason: 'expired' }, value: 1 })]);
    expect(points(collected, 'dotdigital_signup.deliveries')).toEqual([expect.objectContaining({ attributes: { path: 'single' }, value: 1 })]);
    expect(points(collected, 'dotdigital_signup.signups')).toEqual([expect.objectContaining({ attributes: { status: 'queued' }, value: 1 })]);
    expect(points(collected, 'dotdigital_signup.api.calls')).toContainEqual(expect.objectContaining({ attributes: { status: '401' } }));
  });

  it('a requeued dead letter whose consent text is no longer the configured one is delivered with the text the visitor saw', async () => {
    const p = await refusedProxy(status(400, { message: 'Data field X does not exist. ERROR_DATAFIELD_NOTFOUND' }));
    await p.signUp('before@example.com');
    p.refuse();
    p.clock.time += HOUR;
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 0, postponed: 0, deadLettered: 1 });
    expect((await p.queue.deadLetters())[0]).toMatchObject({ reason: 'unknown_data_field', status: 400, token: 'ERROR_DATAFIELD_NOTFOUND' });
    // Meanwhile the site's consent statement changed: a new handler on the same queue.
    p.faults.splice(0, Infinity);
    const today = createSignupHandler({
      apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: 'https://mock.dotdigital.test', consentText: 'A new statement.', rateLimit: false,
      fetch: p.upstreamFetch as typeof fetch, logger: false, clock: p.clock, queue: p.queue,
    });
    await p.queue.requeue({ ids: 'all', now: p.clock.now() });
    expect(await today.deliverQueued()).toEqual({ delivered: 1, dropped: 0, postponed: 0 });
    expect(p.mock.store.contacts.get('before@example.com')!.consentRecords.at(-1)!.fields.TEXT).toBe(CONSENT_TEXT);
  });

  it('drops and counts a signup refused for the visitor\'s own reason', async () => {
    const p = await refusedProxy(status(400, { message: 'Error: ERROR_PARAMETER_INVALID' }));
    await p.signUp('typo@example.com');
    p.refuse();
    p.clock.time += HOUR;
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 1, postponed: 0 });
    expect(await p.queue.deadLetters()).toEqual([]);
    expect(points(await p.collect(), 'dotdigital_signup.dropped')).toEqual([expect.objectContaining({ attributes: { reason: 'invalid_email' }, value: 1 })]);
  });

  it('deletes dead letters past their retention (personal data), logging how many', async () => {
    const p = await refusedProxy(undefined, { deadLetterRetentionMs: 7 * DAY });
    await p.signUp('gone@example.com');
    p.refuse();
    p.clock.time += 3 * DAY;
    expect(await p.handler.deliverQueued()).toMatchObject({ deadLettered: 1 });
    p.clock.time += 6 * DAY;
    await p.handler.deliverQueued();
    expect(await p.queue.deadLetters()).toHaveLength(1); // six days dead: kept
    p.clock.time += 2 * DAY;
    await p.handler.deliverQueued();
    expect(await p.queue.deadLetters()).toEqual([]);
    expect(p.logger.lines).toContainEqual(expect.objectContaining({ level: 'info', message: expect.stringContaining('Deleted dead letters past their retention'), details: { count: 1 } }));
  });

  it('warns once the oldest signup has waited past backlogWarnMs, at most that often, and says when it is back under', async () => {
    const p = await refusedProxy(status(503), { backlogWarnMs: 2 * HOUR });
    await p.signUp('waits@example.com');
    const warnings = () => p.logger.lines.filter((l) => l.message.startsWith('The oldest queued signup has waited'));
    p.clock.time += HOUR;
    await p.handler.deliverQueued();
    expect(warnings()).toEqual([]);
    p.clock.time += 90 * 60_000;
    await p.handler.deliverQueued();
    p.clock.time += 30 * 60_000;
    await p.handler.deliverQueued();
    expect(warnings()).toEqual([expect.objectContaining({ level: 'warn', details: { oldestWaitedSeconds: expect.any(Number), queued: 1, due: 0, deadLetters: 0 } })]);
    expect(Math.round(Number(warnings()[0]!.details!.oldestWaitedSeconds) / 60)).toBe(150); // 2.5 h
    expect(warnings()[0]!.message).toContain('`dotdigital-signup status` shows the queue');
    p.clock.time += 2 * HOUR;
    await p.handler.deliverQueued();
    expect(warnings()).toHaveLength(2);
    p.recover();
    p.clock.time += HOUR;
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 1 });
    expect(p.logger.lines.at(-1)).toMatchObject({ level: 'info', message: 'The signup backlog is back under queueDelivery.backlogWarnMs' });
  });

  it('counts signups by outcome, live deliveries, 429s and calls held back', async () => {
    const reader = new TestReader();
    const logger = captureLogger();
    const p = proxyInOutage({ logger, meterProvider: new MeterProvider({ readers: [reader] }) }, CONTACT_WRITE);
    p.recover();
    const consent = await consentFor(p.handler);
    expect((await p.handler(post({ email: 'ok@example.com', preferences: [2], consent }), { clientAddress: '203.0.113.7' })).status).toBe(201);
    expect((await p.handler(post({ email: 'not-an-address', consent }))).status).toBe(400);
    expect((await p.handler(post({ email: 'bot@example.com', consent, [HONEYPOT_FIELD]: 'spam' }))).status).toBe(201);
    p.faults.push({ path: CONTACT_WRITE, times: Infinity, answer: status(429, { message: 'Too many requests' }, { 'x-ratelimit-limit': '35', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '60' }) });
    expect((await p.handler(post({ email: 'busy@example.com', preferences: [2], consent }))).status).toBe(503);
    expect((await p.handler(post({ email: 'later@example.com', preferences: [2], consent }))).status).toBe(503); // not sent: the budget holds calls back
    const collected = (await reader.collect()).resourceMetrics;
    const signups = points(collected, 'dotdigital_signup.signups').map((point) => [point.attributes, point.value]);
    expect(signups).toEqual(expect.arrayContaining([
      [{ status: 'subscribed' }, 1], [{ status: 'error', code: 'invalid_email' }, 1], [{ status: 'honeypot' }, 1], [{ status: 'error', code: 'upstream_unavailable' }, 2],
    ]));
    expect(points(collected, 'dotdigital_signup.api.calls')).toContainEqual(expect.objectContaining({ attributes: { status: '429' }, value: 1 }));
    expect(points(collected, 'dotdigital_signup.api.held_back')).toContainEqual(expect.objectContaining({ attributes: { reason: 'rate-limited' } }));
    expect(points(collected, 'dotdigital_signup.deliveries')).toEqual([expect.objectContaining({ attributes: { path: 'live' }, value: 1 })]);
    expect(points(collected, 'dotdigital_signup.api.duration_seconds').length).toBeGreaterThan(0);
  });
});
