import { describe, expect, it } from 'vitest';
import { createMockDotdigital, DEMO_API_USER } from '../../src/mock/index.js';
import { AUTH, mockWith, read, refusal } from '../support/mock-fixture.js';

const DENIED = { message: 'Authorization has been denied for this request.' };

describe('mock Dotdigital: Basic auth', () => {
  it('answers 401 with Dotdigital’s message when no credentials are sent', async () => {
    const mock = createMockDotdigital();
    const answer = await read(mock.fetch(new Request('http://mock.test/v2/preferences')));
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(DENIED);
  });

  it('answers 401 for a wrong password, on every call including account-info', async () => {
    const mock = createMockDotdigital();
    const wrong = `Basic ${btoa(`${DEMO_API_USER}:not-the-password`)}`;
    for (const path of ['/v2/account-info', '/v2/data-fields', '/v2/contacts/1']) {
      const answer = await read(mock.fetch(new Request(`http://mock.test${path}`, { headers: { authorization: wrong } })));
      expect([path, answer.status, answer.body]).toEqual([path, 401, DENIED]);
    }
  });

  it('accepts its own configured API user', async () => {
    const mock = createMockDotdigital({ apiUser: 'apiuser-1a2b@apiconnector.com', apiPassword: 'pw' });
    const ok = await mock.fetch(new Request('http://mock.test/v2/preferences', { headers: { authorization: `Basic ${btoa('apiuser-1a2b@apiconnector.com:pw')}` } }));
    expect(ok.status).toBe(200);
    expect((await mock.fetch(new Request('http://mock.test/v2/preferences', { headers: { authorization: AUTH } }))).status).toBe(401);
  });
});

describe('mock Dotdigital: account-info and regions', () => {
  it('names its ApiEndpoint with a trailing slash, as Dotdigital writes it', async () => {
    const { api } = mockWith();
    const answer = await read(api('GET', '/v2/account-info'));
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(1);
    expect(answer.body.properties).toContainEqual({ name: 'ApiEndpoint', type: 'String', value: 'http://127.0.0.1:4999/' });
  });

  it('reports the configured apiEndpoint, or its region’s host', async () => {
    const configured = await read(mockWith({ apiEndpoint: 'https://r3-api.dotdigital.com' }).api('GET', '/v2/account-info'));
    expect(configured.body.properties).toContainEqual({ name: 'ApiEndpoint', type: 'String', value: 'https://r3-api.dotdigital.com/' });
    const regional = await read(mockWith({ region: 'r2' }).api('GET', '/v2/account-info', undefined, 'https://r1-api.dotdigital.com'));
    expect(regional.status).toBe(200);
    expect(regional.body.properties).toContainEqual({ name: 'ApiEndpoint', type: 'String', value: 'https://r2-api.dotdigital.com/' });
  });

  it('answers 403 "Forbidden: Access is denied" on another region’s host', async () => {
    const { api } = mockWith({ region: 'r2' });
    for (const base of ['https://r1-api.dotdigital.com', 'https://api.dotmailer.com', 'https://r3-api.dotdigital.com']) {
      const answer = await refusal(api('GET', '/v2/preferences', undefined, base));
      expect([base, answer.status, answer.message, answer.token]).toEqual([base, 403, 'Forbidden: Access is denied', undefined]);
    }
  });

  it('answers on its own region’s host and on hosts that name no region', async () => {
    const { api } = mockWith({ region: 'r2' });
    expect((await api('GET', '/v2/preferences', undefined, 'https://r2-api.dotdigital.com')).status).toBe(200);
    expect((await api('GET', '/v2/preferences', undefined, 'http://127.0.0.1:4010')).status).toBe(200);
  });
});
