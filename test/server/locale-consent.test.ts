import { describe, expect, it } from 'vitest';
import { SIGNUP_FORM_FIELDS } from '../../src/core/index.js';
import { consentVersion, createMemorySignupQueue } from '../../src/server/index.js';
import { CONTACT_WRITE, ENDPOINT, errorOf, HOUR, post, proxyInOutage, proxyWithMock, SITE, status, storedContact } from '../support/proxy-fixture.js';
import { backlogProxy } from './queue/bulk-fixture.js';
import { CONSENT, consentIn, LOCALE_OPTIONS } from '../support/locale-fixture.js';

const IP = { clientAddress: '203.0.113.7' };
const storedText = (proxy: ReturnType<typeof proxyWithMock>, email: string) => proxy.mock.store.contacts.get(email)?.consentRecords.map((record) => record.fields.TEXT);
const patchBody = async (proxy: ReturnType<typeof proxyWithMock>) => (await proxy.writes().find((r) => r.method === 'PATCH')!.json()) as { channelProperties: { email: { resubscribeOptions: Record<string, unknown> } } };

describe('consent in the visitor\'s language: checked against their locale\'s statement, recorded word for word', () => {
  it('signs a German visitor up with the German statement as the consent record\'s TEXT', async () => {
    const proxy = proxyWithMock(LOCALE_OPTIONS);
    const answer = await proxy.handler(post({ email: 'anna@example.com', preferences: [2], consent: await consentIn(proxy.handler, 'de') }), IP);
    expect(answer.status).toBe(201);
    expect(storedText(proxy, 'anna@example.com')).toEqual([CONSENT.de]);
  });

  it('accepts a statement of another configured locale as that locale\'s (the visitor read it), and refuses one that is none of them', async () => {
    const proxy = proxyWithMock(LOCALE_OPTIONS);
    const french = await consentIn(proxy.handler, 'fr');
    expect((await proxy.handler(post({ email: 'ann@example.com', consent: { ...french, locale: 'de' } }), IP)).status).toBe(201);
    expect(storedText(proxy, 'ann@example.com')).toEqual([CONSENT.fr]);
    // Italian is not configured: the form got the English statement, and that is what was read.
    const english = await consentIn(proxy.handler, 'it');
    expect((await proxy.handler(post({ email: 'bea@example.com', consent: english }), IP)).status).toBe(201);
    expect(storedText(proxy, 'bea@example.com')).toEqual([CONSENT.en]);

    const german = await consentIn(proxy.handler, 'de');
    for (const consent of [
      { ...german, version: french.version }, // German words, the French version
      { ...german, text: `${CONSENT.de} ` }, // not the configured text, by one space
      { ...german, text: 'Yes.', version: await consentVersion('Yes.') },
    ]) {
      const refused = await proxy.handler(post({ email: 'cy@example.com', consent }), IP);
      expect([refused.status, (await errorOf(refused)).code]).toEqual([409, 'consent_mismatch']);
    }
    expect(proxy.mock.store.contacts.has('cy@example.com')).toBe(false);
  });

  it('ignores a locale that is no language tag: the statement alone decides, and no language is asked for', async () => {
    const proxy = proxyWithMock(LOCALE_OPTIONS);
    proxy.mock.unsubscribe('ann@example.com');
    const answer = await proxy.handler(post({ email: 'ann@example.com', consent: { ...(await consentIn(proxy.handler, 'de')), locale: 'de"><script>' } }), IP);
    expect(answer.status).toBe(202);
    expect(storedText(proxy, 'ann@example.com')).toEqual([CONSENT.de]);
    expect(proxy.mock.store.outbox).toEqual([expect.objectContaining({ locale: 'de-DE' })]); // the German statement's locale
    const long = await proxy.handler(post({ email: 'bo@example.com', consent: { ...(await consentIn(proxy.handler, 'de')), locale: 'de-'.repeat(20) } }), IP);
    expect([long.status, (await errorOf(long)).field]).toEqual([400, 'consent.locale']);
  });

  it('records the German statement of a form posted without JavaScript', async () => {
    const proxy = proxyWithMock({ ...LOCALE_OPTIONS, allowedOrigins: [SITE] });
    const consent = await consentIn(proxy.handler, 'de');
    const form = new URLSearchParams({
      [SIGNUP_FORM_FIELDS.email]: 'anna@example.com', [SIGNUP_FORM_FIELDS.consentText]: consent.text, [SIGNUP_FORM_FIELDS.consentVersion]: consent.version,
      [SIGNUP_FORM_FIELDS.consentLocale]: 'de', [SIGNUP_FORM_FIELDS.pageUrl]: `${SITE}/de/newsletter`,
    });
    const answer = await proxy.handler(new Request(ENDPOINT, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE, 'sec-fetch-mode': 'navigate' } }), IP);
    expect([answer.status, answer.headers.get('location')]).toEqual([303, `${SITE}/de/newsletter?dotdigital-signup=subscribed`]);
    expect(storedText(proxy, 'anna@example.com')).toEqual([CONSENT.de]);
  });

  it('queues a German signup during an outage with its statement and language, and delivers that statement', async () => {
    const queue = createMemorySignupQueue();
    const proxy = proxyInOutage({ ...LOCALE_OPTIONS, queue }, CONTACT_WRITE);
    const answer = await proxy.handler(post({ email: 'anna@example.com', consent: await consentIn(proxy.handler, 'de-AT') }), IP);
    expect(answer.status).toBe(202);
    const [entry] = await queue.claim({ now: Number.MAX_SAFE_INTEGER, limit: 1, leaseMs: 1 });
    expect(entry!.contact).toMatchObject({ consentText: CONSENT.de, locale: 'de-AT' });
    await queue.reschedule(entry!.id, entry!.lease, entry!);
    proxy.recover();
    proxy.clock.time += HOUR;
    expect(await proxy.handler.deliverQueued()).toMatchObject({ delivered: 1 });
    expect(storedText(proxy, 'anna@example.com')).toEqual([CONSENT.de]);
  });

  it('a proxy that never had the definition still checks the statement per locale, and delivers the German one', async () => {
    const proxy = proxyInOutage({ ...LOCALE_OPTIONS, queue: createMemorySignupQueue() });
    const consent = { text: CONSENT.de, version: await consentVersion(CONSENT.de), locale: 'de', consentedAt: new Date(proxy.clock.now()).toISOString(), pageUrl: `${SITE}/signup` };
    expect((await proxy.handler(post({ email: 'anna@example.com', consent: { ...consent, text: 'Ja.' } }), IP)).status).toBe(409);
    expect((await proxy.handler(post({ email: 'anna@example.com', consent }), IP)).status).toBe(202);
    proxy.recover();
    proxy.clock.time += HOUR;
    expect(await proxy.handler.deliverQueued()).toMatchObject({ delivered: 1 });
    expect(storedText(proxy, 'anna@example.com')).toEqual([CONSENT.de]);
  });

  it('a backlog delivered by bulk import stores each visitor\'s own statement', async () => {
    const p = await backlogProxy({ ...LOCALE_OPTIONS, queueDelivery: { bulkThreshold: 2 } });
    for (const [email, locale] of [['de@example.com', 'de'], ['fr@example.com', 'fr'], ['en@example.com', undefined]] as const) {
      await p.signUp(email, { consent: await consentIn(p.handler, locale) });
    }
    p.recover();
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 3, imported: 3 });
    expect(['de', 'fr', 'en'].map((who) => storedText(p, `${who}@example.com`))).toEqual([[CONSENT.de], [CONSENT.fr], [CONSENT.en]]);
  });
});

describe('emails in the visitor\'s language (Dotdigital\'s preferredLocale)', () => {
  it('asks a returning German subscriber\'s resubscribe email in German, de-AT too', async () => {
    for (const locale of ['de', 'de-AT']) {
      const proxy = proxyWithMock(LOCALE_OPTIONS);
      proxy.mock.store.contacts.set('anna@example.com', storedContact('anna@example.com'));
      proxy.mock.unsubscribe('anna@example.com');
      const answer = await proxy.handler(post({ email: 'anna@example.com', consent: await consentIn(proxy.handler, locale) }), IP);
      expect(answer.status).toBe(202);
      expect((await patchBody(proxy)).channelProperties.email.resubscribeOptions).toMatchObject({ resubscribeWithNoChallenge: false, preferredLocale: 'de-DE' });
      expect(proxy.mock.store.outbox).toEqual([expect.objectContaining({ to: 'anna@example.com', kind: 'resubscribe', locale: 'de-DE' })]);
      expect(storedText(proxy, 'anna@example.com')).toEqual([CONSENT.de]);
    }
  });

  it('asks none for a language Dotdigital has no locale for, or when the form did not say and one statement serves every language', async () => {
    for (const [options, consentLocale, posted] of [
      [{ consentText: 'One statement.', preferenceLabels: { ar: { 2: 'النشرة الأسبوعية' } } }, 'ar', 'ar'],
      [{ consentText: 'One statement.' }, undefined, undefined],
    ] as const) {
      const proxy = proxyWithMock(options);
      proxy.mock.unsubscribe('sam@example.com');
      await proxy.handler(post({ email: 'sam@example.com', consent: await consentIn(proxy.handler, consentLocale, posted) }), IP);
      expect((await patchBody(proxy)).channelProperties.email.resubscribeOptions).not.toHaveProperty('preferredLocale');
      expect(proxy.mock.store.outbox).toEqual([expect.not.objectContaining({ locale: expect.anything() })]);
    }
  });

  it('asks in the form\'s language even when one statement serves every language', async () => {
    const proxy = proxyWithMock({ consentText: 'One statement.' });
    proxy.mock.unsubscribe('luc@example.com');
    await proxy.handler(post({ email: 'luc@example.com', consent: await consentIn(proxy.handler, 'fr-CA') }), IP);
    expect(proxy.mock.store.outbox).toEqual([expect.objectContaining({ kind: 'resubscribe', locale: 'fr-FR' })]);
  });

  it('carries the language to Dotdigital when a queued returning subscriber is delivered, singly or by bulk import', async () => {
    const p = await backlogProxy({ ...LOCALE_OPTIONS, queueDelivery: { bulkThreshold: 2 } });
    p.mock.unsubscribe('anna@example.com');
    p.mock.unsubscribe('luc@example.com');
    // A returning subscriber comes back through v3's PATCH (resubscribeOptions), not the contact write: down too.
    const resubscribeDown = { method: 'PATCH', path: /\/contacts\/v3\/email\//, times: Infinity, answer: status(503) };
    p.faults.push(resubscribeDown);
    await p.signUp('anna@example.com', { consent: await consentIn(p.handler, 'de') });
    await p.signUp('luc@example.com', { consent: await consentIn(p.handler, 'fr') });
    resubscribeDown.times = 0;
    p.recover();
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 2, imported: 2 });
    expect(p.mock.store.outbox.map(({ to, locale }) => [to, locale]).sort()).toEqual([['anna@example.com', 'de-DE'], ['luc@example.com', 'fr-FR']]);
  });
});
