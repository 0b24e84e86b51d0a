import { describe, expect, it, vi } from 'vitest';
import { createSignupClient, createSignupController, englishMessages } from '../../src/core/index.js';
import { proxyWithMock } from '../support/proxy-fixture.js';
import { CONSENT, LOCALE_OPTIONS } from '../support/locale-fixture.js';
import { widgetFetch } from '../support/widget-fixture.js';

// The browser side asks for the form in its language and sends that language back with the consent.
describe('a form in a language', () => {
  it('asks GET {endpoint}?locale=…, keeping the endpoint\'s own query, and only when it has a locale', async () => {
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => (urls.push(String(input)), new Response('{}', { status: 500 }));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const [endpoint, locale] of [['/api/signup', 'de-AT'], ['/api/signup?site=2', 'fr'], ['https://www.example.com/api/signup', undefined], ['/api/signup', 'zh Hant&x=1']] as const) {
      await createSignupClient({ endpoint, fetch, ...(locale ? { locale } : {}) }).loadDefinition().catch(() => undefined);
    }
    expect(urls).toEqual(['/api/signup?locale=de-AT', '/api/signup?site=2&locale=fr', 'https://www.example.com/api/signup', '/api/signup?locale=zh%20Hant%26x%3D1']);
  });

  it('signs up through a real proxy in German: the German statement, its locale sent back, stored word for word', async () => {
    const { handler, mock } = proxyWithMock(LOCALE_OPTIONS);
    const onSubmit = vi.fn();
    const client = createSignupClient({ endpoint: 'https://www.example.com/api/signup', locale: 'de', fetch: widgetFetch(handler) });
    const controller = createSignupController({ client, messages: () => englishMessages, callbacks: () => ({ onSubmit }), pageUrl: () => 'https://www.example.com/de/' });
    controller.load();
    await vi.waitFor(() => expect(controller.getSnapshot().state).toBe('ready'));
    expect(controller.getSnapshot().definition).toMatchObject({ locale: 'de', consent: { text: CONSENT.de }, fields: [{ label: 'Vorname' }] });
    await controller.submit({ email: 'anna@example.com', preferences: { p2: true }, fields: {} });
    expect(controller.getSnapshot().state).toBe('subscribed');
    expect(onSubmit.mock.calls[0]![0].consent).toMatchObject({ text: CONSENT.de, locale: 'de' });
    expect(mock.store.contacts.get('anna@example.com')!.consentRecords.map((record) => record.fields.TEXT)).toEqual([CONSENT.de]);
  });
});
