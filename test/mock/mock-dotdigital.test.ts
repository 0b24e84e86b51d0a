import { describe, expect, it } from 'vitest';
import { createMockDotdigital, DEMO_API_PASSWORD, DEMO_API_USER } from '../../src/mock/index.js';

const auth = { authorization: `Basic ${btoa(`${DEMO_API_USER}:${DEMO_API_PASSWORD}`)}` };
const call = (mock: ReturnType<typeof createMockDotdigital>, path: string, init: RequestInit = {}) =>
  mock.fetch(new Request(`http://mock.test${path}`, { ...init, headers: { ...auth, 'content-type': 'application/json', ...init.headers } }));

describe('mock Dotdigital', () => {
  it('refuses calls without the right Basic credentials', async () => {
    const mock = createMockDotdigital();
    const response = await mock.fetch(new Request('http://mock.test/v2/preferences'));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Authorization has been denied for this request.' });
  });

  it('upserts by email in any case and reads back with the API calls', async () => {
    const mock = createMockDotdigital();
    const write = (email: string, first: string) =>
      call(mock, '/v2/contacts/with-consent-and-preferences', {
        method: 'POST',
        body: JSON.stringify({
          Contact: { Email: email, OptInType: 'Single', DataFields: [{ Key: 'FIRSTNAME', Value: first }] },
          ConsentFields: [{ Fields: [{ Key: 'text', Value: 'Yes' }, { Key: 'consenturl', Value: 'https://example.com/' }] }],
          Preferences: [{ Id: 5, IsPreference: true, IsOptedIn: true }],
        }),
      });
    expect((await write('Ann@Example.com', 'Ann')).status).toBe(201);
    const second = await write('ann@example.com', 'Anne');
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({
      contact: { id: 1, status: 'Subscribed' },
      consentFields: [{ id: null, fields: [{ key: 'TEXT', value: 'Yes' }, { key: 'URL', value: 'https://example.com/' }] }],
    });
    const contact = (await (await call(mock, '/v2/contacts/ANN@example.com')).json()) as { dataFields: Array<{ key: string; value: unknown }> };
    expect(contact.dataFields).toContainEqual({ key: 'FIRSTNAME', value: 'Anne' });
    const withConsent = (await (await call(mock, '/v2/contacts/ann@example.com/with-consent')).json()) as { consentFields: unknown[] };
    expect(withConsent.consentFields).toHaveLength(2);
  });

  it('refuses an invalid address with ERROR_PARAMETER_INVALID', async () => {
    const mock = createMockDotdigital();
    const response = await call(mock, '/v2/contacts/with-consent-and-preferences', {
      method: 'POST',
      body: JSON.stringify({ contact: { email: 'nope' }, consentFields: [] }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/ERROR_PARAMETER_INVALID$/);
  });
});
