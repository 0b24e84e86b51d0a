import { describe, expect, it } from 'vitest';
import { createMockDotdigital, DEMO_API_PASSWORD, DEMO_API_USER, type MockDotdigitalOptions } from '../../../src/mock/index.js';
import { createDotdigitalClient } from '../../../src/server/dotdigital/index.js';
import { failure, transient } from './client-fixture.js';

// The mock plays the account's region; the injected fetch routes every host back to it and
// records where the client sent its credentials.
function discovering(mockOptions: MockDotdigitalOptions, apiUrl?: string) {
  const mock = createMockDotdigital(mockOptions);
  const sent: string[] = [];
  const client = createDotdigitalClient({
    apiUser: DEMO_API_USER,
    apiPassword: DEMO_API_PASSWORD,
    ...(apiUrl ? { apiUrl } : {}),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push(`${request.method} ${request.url}`);
      return mock.fetch(request);
    },
  });
  return { mock, client, sent };
}

describe('Dotdigital client: region discovery', () => {
  it('asks account-info on r1 once, then calls the region it names (trailing slash stripped)', async () => {
    const { client, sent } = discovering({ region: 'r2' });
    await client.getPreferences();
    await client.getDataFields();
    expect(sent).toEqual([
      'GET https://r1-api.dotdigital.com/v2/account-info',
      'GET https://r2-api.dotdigital.com/v2/preferences',
      'GET https://r2-api.dotdigital.com/v2/data-fields',
    ]);
    await client.getContactPreferences('ann@example.com');
    expect(sent.at(-1)).toBe('GET https://r2-api.dotdigital.com/v2/contacts/ann%40example.com/preferences');
  });

  it.each([
    'https://evil.example.com/',
    'http://r1-api.dotdigital.com/',
    'https://r1-api.dotdigital.com.evil.example/',
    'https://r1-api.dotdigital.com/v2/',
    'http://127.0.0.1:4010/',
  ])('refuses a discovered ApiEndpoint %s and sends nothing there', async (endpoint) => {
    const { client, sent } = discovering({ apiEndpoint: endpoint });
    const error = await failure(client.getPreferences());
    expect([error.kind, transient(error)]).toEqual(['wrong_region', false]);
    expect(error.message).toMatch(/set apiUrl/);
    expect(sent).toEqual(['GET https://r1-api.dotdigital.com/v2/account-info']);
  });

  it('accepts the legacy dotmailer hosts', async () => {
    const { client, sent } = discovering({ apiEndpoint: 'https://r1-api.dotmailer.com/' });
    await client.getPreferences();
    expect(sent.at(-1)).toBe('GET https://r1-api.dotmailer.com/v2/preferences');
  });

  it('skips discovery when apiUrl is given, and types the wrong region as wrong_region', async () => {
    const { client, sent } = discovering({ region: 'r2' }, 'https://r1-api.dotdigital.com/');
    const error = await failure(client.getPreferences());
    expect([error.status, error.token, error.kind, transient(error)]).toEqual([403, undefined, 'wrong_region', false]);
    expect(error.message).toMatch(/another region/);
    expect(sent).toEqual(['GET https://r1-api.dotdigital.com/v2/preferences']);
  });

  it('discovers again after a failed discovery', async () => {
    const { client, mock, sent } = discovering({ region: 'r3' });
    mock.inject({ drop: true });
    expect((await failure(client.getPreferences())).kind).toBe('unavailable');
    await client.getPreferences();
    expect(sent.filter((call) => call.endsWith('/v2/account-info'))).toHaveLength(2);
    expect(sent.at(-1)).toBe('GET https://r3-api.dotdigital.com/v2/preferences');
  });

  it('discovers again when the discovered region answers 403', async () => {
    const { client, sent } = discovering({ region: 'r3', apiEndpoint: 'https://r2-api.dotdigital.com' });
    expect((await failure(client.getPreferences())).kind).toBe('wrong_region');
    await failure(client.getPreferences());
    expect(sent.filter((call) => call.endsWith('/v2/account-info'))).toHaveLength(2);
  });

  it('refuses an apiUrl that is not a base URL, saying what to use', () => {
    for (const apiUrl of ['r1-api.dotdigital.com', 'https://r1-api.dotdigital.com/v2', 'ftp://x']) {
      expect(() => createDotdigitalClient({ apiUser: 'u', apiPassword: 'p', apiUrl })).toThrow(/e\.g\. https:\/\/r1-api\.dotdigital\.com/);
    }
  });

  // Each of these passed the check and then failed every call as "Dotdigital did not answer",
  // with nothing to say why; the refusal must not print a password written into the URL either.
  it('refuses an apiUrl with credentials, a query or a fragment, never echoing the credentials', () => {
    for (const apiUrl of ['https://someone:s3cret-pw@r1-api.dotdigital.com', 'https://r1-api.dotdigital.com?region=r2', 'https://r1-api.dotdigital.com#r1']) {
      let message = '';
      try {
        createDotdigitalClient({ apiUser: 'u', apiPassword: 'p', apiUrl });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/e\.g\. https:\/\/r1-api\.dotdigital\.com/);
      expect(message).not.toContain('s3cret-pw');
    }
  });
});
