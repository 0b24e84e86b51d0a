import { describe, expect, it } from 'vitest';
import { consentVersion } from '../../src/server/index.js';
import { captureLogger, proxyWithMock } from '../support/proxy-fixture.js';
import { CONSENT, getIn, LOCALE_OPTIONS } from '../support/locale-fixture.js';

type Definition = { consent: { text: string; version: string }; preferences: unknown; fields: Array<{ label: string }>; locale: string };
const json = async (response: Response) => (await response.json()) as Definition;

describe('GET form definition per locale (?locale=…)', () => {
  it('answers each locale in its language: consent statement and version, preference labels (Dotdigital\'s where untranslated), field labels', async () => {
    const { handler } = proxyWithMock(LOCALE_OPTIONS);
    const german = await handler(getIn('de'));
    expect(german.headers.get('content-language')).toBe('de');
    expect(await json(german)).toEqual({
      preferences: [
        { id: 1, label: 'Newsletter', preferences: [{ id: 2, label: 'Wöchentlicher Newsletter' }, { id: 3, label: 'Product updates' }] },
        { id: 5, label: 'Veranstaltungen in Ihrer Nähe' },
      ],
      consent: { text: CONSENT.de, version: await consentVersion(CONSENT.de) },
      fields: [{ name: 'FIRSTNAME', label: 'Vorname', type: 'String', required: false }],
      doubleOptIn: false,
      locale: 'de',
    });
    const french = await json(await handler(getIn('fr')));
    expect([french.consent.text, french.fields[0]!.label, french.locale]).toEqual([CONSENT.fr, 'Prénom', 'fr']);
    expect(JSON.stringify(french.preferences)).toContain('"Lettre hebdomadaire"');
    expect(french.consent.version).not.toBe((await json(await handler(getIn('de')))).consent.version);
  });

  it('falls back de-AT → de → the default locale, and never errs on a locale it does not know', async () => {
    const { handler } = proxyWithMock(LOCALE_OPTIONS);
    const english = await (await handler(getIn(undefined))).text();
    expect(JSON.parse(english)).toMatchObject({ consent: { text: CONSENT.en }, locale: 'en' });
    const german = await (await handler(getIn('de'))).text();
    for (const [asked, same] of [['de-AT', german], ['de_at', german], ['DE', german], ['it', english], ['zh-Hant-TW', english], ['not a locale!', english], ['', english], ['x'.repeat(500), english]] as const) {
      const answer = await handler(getIn(asked));
      expect([asked, answer.status, await answer.text()]).toEqual([asked, 200, same]);
    }
  });

  it('gives each locale its own ETag, so a browser or CDN keeps the languages apart, and 304s within one', async () => {
    const { handler } = proxyWithMock(LOCALE_OPTIONS);
    const [en, de, deAt] = await Promise.all([handler(getIn(undefined)), handler(getIn('de')), handler(getIn('de-AT'))]);
    expect(new Set([en, de].map((r) => r.headers.get('etag'))).size).toBe(2);
    expect(deAt.headers.get('etag')).toBe(de.headers.get('etag'));
    expect((await handler(getIn('de', { 'if-none-match': de.headers.get('etag')! }))).status).toBe(304);
    expect((await handler(getIn('fr', { 'if-none-match': de.headers.get('etag')! }))).status).toBe(200);
    expect(de.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(de.headers.get('vary')).toBe('Origin');
  });

  it('a regional locale takes its language\'s settings and changes what it sets itself', async () => {
    const { handler } = proxyWithMock({ ...LOCALE_OPTIONS, preferenceLabels: { ...LOCALE_OPTIONS.preferenceLabels, 'de-AT': { 5: 'Veranstaltungen in Ihrer Gegend' } } });
    const austrian = await json(await handler(getIn('de-AT')));
    expect(austrian).toMatchObject({ locale: 'de-AT', consent: { text: CONSENT.de }, fields: [{ label: 'Vorname' }] });
    expect(austrian.preferences).toEqual([
      { id: 1, label: 'Newsletter', preferences: [{ id: 2, label: 'Wöchentlicher Newsletter' }, { id: 3, label: 'Product updates' }] },
      { id: 5, label: 'Veranstaltungen in Ihrer Gegend' },
    ]);
    expect((await handler(getIn('de-AT'))).headers.get('etag')).not.toBe((await handler(getIn('de'))).headers.get('etag'));
  });

  it('asks Dotdigital once for every locale, and handler.formDefinition({ locale }) is the same JSON as the GET', async () => {
    const { handler, upstream } = proxyWithMock(LOCALE_OPTIONS);
    const answers = await Promise.all(['en', 'de', 'fr', 'de-CH', 'es'].map(async (locale) => (await handler(getIn(locale))).json()));
    expect(upstream).toHaveLength(2); // the preferences, and (once) the data fields `fields` names
    expect(await handler.formDefinition({ locale: 'de-CH' })).toEqual(answers[1]);
    expect(await handler.formDefinition()).toEqual(answers[0]);
    expect(await handler.formDefinition({ locale: 'es' })).toEqual(answers[0]);
  });

  it('warns once when `preferenceLabels` name ids Dotdigital has no public preference or category for', async () => {
    const logger = captureLogger();
    const { handler } = proxyWithMock({ ...LOCALE_OPTIONS, preferenceLabels: { de: { 2: 'Wöchentlich', 4: 'Privat', 77: 'Gibt es nicht' } }, logger, definitionCacheMs: 0 });
    await handler(getIn('de'));
    await handler(getIn('de'));
    expect(logger.lines.filter((line) => line.message.includes('`preferenceLabels`'))).toEqual([
      { level: 'warn', message: expect.stringContaining('not public'), details: { ids: [4, 77] } },
    ]);
  });

  it('with one consentText for every locale, serves it in each configured locale beside that locale\'s labels', async () => {
    const { handler } = proxyWithMock({ consentText: CONSENT.en, preferenceLabels: { de: { 5: 'Veranstaltungen' } } });
    expect(await json(await handler(getIn('de')))).toMatchObject({ locale: 'de', consent: { text: CONSENT.en }, preferences: [{ id: 1 }, { id: 5, label: 'Veranstaltungen' }] });
    expect(await json(await handler(getIn('fr')))).toMatchObject({ locale: 'en', consent: { text: CONSENT.en } });
  });
});
