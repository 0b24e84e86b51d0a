import { afterEach, describe, expect, it } from 'vitest';
import { listenMock } from '../../src/mock/index.js';
import { AUTH, signup } from '../support/mock-fixture.js';

const running: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((close) => close()));
});

async function listening(options: Parameters<typeof listenMock>[0] = {}) {
  const started = await listenMock(options);
  running.push(started.close);
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${started.url}${path}`, { method, headers: { authorization: AUTH, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { ...started, api };
}

describe('mock Dotdigital over HTTP (listenMock)', () => {
  it('answers the API on a loopback port, with links in the outbox on that port', async () => {
    const { url, api, mock } = await listening({ forceDoubleOptIn: true });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com'))).status).toBe(201);
    expect(mock.store.outbox[0]!.link.startsWith(`${url}/_mock/confirm/`)).toBe(true);
    expect((await fetch(mock.store.outbox[0]!.link)).status).toBe(200);
    expect(mock.store.contacts.get('ann@example.com')!.status).toBe('Subscribed');
  });

  it('drops the connection by destroying the socket: fetch rejects with "fetch failed"', async () => {
    const { api, mock } = await listening();
    mock.inject({ drop: true });
    const failure = await api('GET', '/v2/preferences').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as Error).message).toBe('fetch failed');
    expect((await api('GET', '/v2/preferences')).status).toBe(200);
  });

  it('shows contacts, consent records, preferences, the outbox and the latest calls on its page', async () => {
    const { url, api } = await listening({ suppressed: ['gone@example.com'] });
    await api('POST', '/v2/contacts/with-consent-and-preferences', {
      ...signup('ann@example.com', { dataFields: [{ key: 'FIRSTNAME', value: '<Ann>' }], preferences: [{ id: 1, isPreference: false, preferences: [{ id: 2, isPreference: true, isOptedIn: true }] }] }),
    });
    await api('POST', '/v2/contacts/with-consent', signup('bob@example.com', { optInType: 'VerifiedDouble' }));
    await api('POST', '/v2/contacts/with-consent', signup('gone@example.com'));
    const page = await fetch(`${url}/`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    for (const text of ['ann@example.com', 'bob@example.com', 'PendingOptIn', 'Suppressed', 'Yes please.', 'https://www.example.com/', 'Weekly newsletter', 'Internal: sales follow-up', 'Please confirm your subscription', '/v2/contacts/with-consent', '400']) {
      expect(html).toContain(text);
    }
    expect(html).toContain('&#60;Ann&#62;');
    expect(html).not.toContain('<Ann>');
    // gone@example.com (contact 1) is suppressed already: only bob (3) and ann (2), newest first, get a button.
    expect(html.match(/action="\/_mock\/contacts\/\d+\/unsubscribe"/g)).toEqual(['action="/_mock/contacts/3/unsubscribe"', 'action="/_mock/contacts/2/unsubscribe"']);
  });
});
