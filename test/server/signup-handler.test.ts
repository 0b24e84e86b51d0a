import { describe, expect, it } from 'vitest';
import { CONSENT_TEXT, ENDPOINT, post, proxyWithMock, validBody } from './proxy-fixture.js';

describe('GET form definition', () => {
  it('lists public preferences only, grouped, with the consent text and its version', async () => {
    const { handler } = proxyWithMock();
    const response = await handler(new Request(ENDPOINT));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      preferences: [
        { id: 1, label: 'Newsletters', preferences: [{ id: 2, label: 'Weekly newsletter' }, { id: 3, label: 'Product updates' }] },
        { id: 5, label: 'Events near you' },
      ],
      consent: { text: CONSENT_TEXT, version: expect.stringMatching(/^[0-9a-f]{16}$/) },
      fields: [],
      doubleOptIn: false,
    });
  });
});

describe('POST signup', () => {
  it('creates the contact with its consent record and preferences', async () => {
    const { handler, mock } = proxyWithMock();
    const body = await validBody(handler, { preferences: [3, 5] });
    const response = await handler(post(body), { clientAddress: '::ffff:203.0.113.7' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ status: 'subscribed' });
    expect(response.headers.get('cache-control')).toBe('no-store');

    const contact = mock.store.contacts.get('ann@example.com')!;
    expect(contact.status).toBe('Subscribed');
    expect(contact.consentRecords[0]!.fields).toEqual({
      TEXT: CONSENT_TEXT,
      DATETIMECONSENTED: body.consent.consentedAt,
      URL: 'https://www.example.com/signup',
      IPADDRESS: '203.0.113.7',
      USERAGENT: 'Vitest/1.0',
    });
    expect([...contact.optedIn].sort()).toEqual([3, 5]);
  });

  it('records the server time when the browser clock is far off', async () => {
    const { handler, mock } = proxyWithMock();
    const body = await validBody(handler);
    body.consent.consentedAt = '2001-01-01T00:00:00.000Z';
    expect((await handler(post(body))).status).toBe(201);
    const recorded = Date.parse(mock.store.contacts.get('ann@example.com')!.consentRecords[0]!.fields.DATETIMECONSENTED!);
    expect(Math.abs(recorded - Date.now())).toBeLessThan(5_000);
  });

  it.each([
    ['bad JSON', '{"email":', 400, 'invalid_json', undefined],
    ['no email', { consent: {} }, 400, 'missing_email', 'email'],
    ['an invalid email', { email: 'ann@', consent: {} }, 400, 'invalid_email', 'email'],
    ['an array', [], 400, 'invalid_request', undefined],
  ])('answers %s with a 4xx JSON error and calls nobody', async (_name, body, status, code, field) => {
    const { handler, upstream } = proxyWithMock();
    const response = await handler(post(body));
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const answer = (await response.json()) as { error: { code: string; message: string; field?: string } };
    expect(answer.error.code).toBe(code);
    expect(answer.error.message.length).toBeGreaterThan(10);
    expect(answer.error.field).toBe(field);
    expect(upstream).toHaveLength(0);
  });

  it('refuses a consent text the visitor was not shown with 409', async () => {
    const { handler, mock } = proxyWithMock();
    const body = await validBody(handler);
    body.consent.text = 'Something else';
    const response = await handler(post(body));
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('consent_mismatch');
    expect(mock.store.contacts.size).toBe(0);
  });

  it('refuses a preference that is not public', async () => {
    const { handler, mock } = proxyWithMock();
    const response = await handler(post(await validBody(handler, { preferences: [4] })));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unknown_preference');
    expect(mock.store.contacts.size).toBe(0);
  });

  it('never answers with upstream bodies or credentials when Dotdigital refuses', async () => {
    const { handler } = proxyWithMock({ apiPassword: 'wrong-password' });
    const response = await handler(new Request(ENDPOINT));
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(text).not.toMatch(/Authorization has been denied|wrong-password|apiuser-demo/);
  });
});
