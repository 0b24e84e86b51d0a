import { describe, expect, it } from 'vitest';
import { API_ENDPOINT_PATTERN, apiEndpointFrom, DotdigitalApiError, errorKindFor, readErrorToken } from '../../../src/server/dotdigital/index.js';
import { transient as isTransient } from './client-fixture.js';

describe('DotdigitalApiError', () => {
  it.each([
    [400, 'ERROR_CONTACT_SUPPRESSED', 'suppressed'],
    [400, 'ERROR_CONTACT_SUPPRESSEDFORADDRESSBOOK', 'suppressed'],
    [400, 'ERROR_PARAMETER_INVALID', 'invalid_email'],
    [400, 'ERROR_DATAFIELD_NOTFOUND', 'unknown_data_field'],
    [400, 'ERROR_DATAFIELD_INVALID', 'invalid_data_field'],
    [400, 'ERROR_PREFERENCE_NOT_FOUND', 'unknown_preference'],
    [404, 'ERROR_ADDRESSBOOK_NOT_FOUND', 'unknown_address_book'],
    [400, 'ERROR_APIUSAGE_EXCEEDED', 'usage_capped'],
    [404, 'ERROR_CONTACT_NOT_FOUND', 'not_found'],
    [401, undefined, 'unauthorized'],
    [403, undefined, 'wrong_region'],
    [403, 'ERROR_FEATURENOTACTIVE', 'rejected'],
    [429, undefined, 'rate_limited'],
    [503, undefined, 'unavailable'],
    [0, undefined, 'unavailable'],
    [400, 'ERROR_SOMETHING_NEW', 'rejected'],
    [409, undefined, 'rejected'],
    [413, undefined, 'too_large'],
    [413, 'contacts:requestTooLarge', 'too_large'],
    // Only a 4xx is Dotdigital's word on the request: a token on anything else does not make it one.
    [500, 'ERROR_CONTACT_SUPPRESSED', 'unavailable'],
    [502, 'ERROR_PARAMETER_INVALID', 'unavailable'],
    [302, undefined, 'unavailable'],
  ] as const)('types %i %s as %s', (status, token, kind) => {
    expect(errorKindFor(status, token)).toBe(kind);
    expect(new DotdigitalApiError(status, token, 'x').kind).toBe(kind);
  });

  it('is transient exactly for rate limits, the usage cap, outages and timeouts', () => {
    const transient = (kind: ConstructorParameters<typeof DotdigitalApiError>[4]) => isTransient(new DotdigitalApiError(0, undefined, 'x', undefined, kind));
    expect(['rate_limited', 'usage_capped', 'unavailable', 'timeout'].map((kind) => transient({ kind: kind as 'timeout' }))).toEqual([true, true, true, true]);
    expect(['suppressed', 'invalid_email', 'unauthorized', 'wrong_region', 'rejected', 'not_found'].map((kind) => transient({ kind: kind as 'rejected' }))).toEqual([false, false, false, false, false, false]);
  });

  it('keeps the positional constructor the proxy already uses', () => {
    const error = new DotdigitalApiError(429, undefined, 'slow down', 5_000);
    expect([error.status, error.token, error.retryAfterMs, isTransient(error), error.name, error instanceof Error]).toEqual([429, undefined, 5_000, true, 'DotdigitalApiError', true]);
  });

  it('reads the ERROR_ token from both message shapes, never the prose', () => {
    expect(readErrorToken({ message: 'Error: ERROR_ADDRESSBOOK_NOT_FOUND' })).toBe('ERROR_ADDRESSBOOK_NOT_FOUND');
    expect(readErrorToken({ message: 'Contact is suppressed. ERROR_CONTACT_SUPPRESSED' })).toBe('ERROR_CONTACT_SUPPRESSED');
    expect(readErrorToken({ message: 'Authorization has been denied for this request.' })).toBeUndefined();
    expect(readErrorToken(undefined)).toBeUndefined();
  });
});

describe('ApiEndpoint allow-list', () => {
  it.each([
    'https://r1-api.dotdigital.com', 'https://r2-api.dotdigital.com', 'https://r3-api.dotdigital.com',
    'https://api.dotmailer.com', 'https://r1-api.dotmailer.com', 'https://api-eu.dotdigital.com',
  ])('accepts %s', (host) => {
    expect(API_ENDPOINT_PATTERN.test(host)).toBe(true);
    expect(apiEndpointFrom({ properties: [{ name: 'ApiEndpoint', type: 'String', value: `${host}/` }] })).toBe(host);
  });

  it.each([
    'http://r1-api.dotdigital.com', 'https://r1-api.dotdigital.com.evil.example', 'https://evil.example/r1-api.dotdigital.com',
    'https://api.evil.example/x.dotdigital.com', 'https://api.evil.example/.dotdigital.com', 'https://api.x@evil.example/.dotdigital.com',
    'https://r1-api.dotdigital.com:8443', 'https://dotdigital.com', 'https://r1-api.notdotdigital.com', '',
  ])('refuses %j', (value) => {
    expect(apiEndpointFrom({ properties: [{ name: 'ApiEndpoint', value }] })).toBeUndefined();
  });

  it('answers undefined when account-info has no ApiEndpoint', () => {
    expect(apiEndpointFrom({ id: 1, properties: [{ name: 'Name', value: 'x' }] })).toBeUndefined();
    expect(apiEndpointFrom(null)).toBeUndefined();
  });
});
