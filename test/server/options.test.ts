import { describe, expect, it } from 'vitest';
import { createSignupHandler, type SignupHandlerOptions } from '../../src/server/index.js';
import { optionsFromEnv } from '../../src/server/node/index.js';

const base = { apiUser: 'apiuser-x@apiconnector.com', apiPassword: 'pw', consentText: 'Yes please.' };

describe('createSignupHandler options', () => {
  it.each<[string, Partial<SignupHandlerOptions>, RegExp]>([
    ['no credentials', { apiUser: '', apiPassword: ' ' }, /`apiUser`, `apiPassword` are required/],
    ['no consent text', { consentText: '' }, /`consentText` is required/],
    ['an unknown opt-in type', { optInType: 'Double' as 'Single' }, /'Single' or 'VerifiedDouble'/],
    ['an origin with a path', { allowedOrigins: ['https://www.example.com/'] }, /exact origins like https:\/\/www\.example\.com/],
    ['a wildcard origin', { allowedOrigins: ['*'] }, /exact origins/],
    ['a bad address book id', { addressBookId: -3 }, /addressBookId/],
    ['a field name Dotdigital cannot have', { fields: [{ name: 'FIRST NAME', label: 'First name' }] }, /at most 20 letters/],
    ['a field without a label', { fields: [{ name: 'FIRSTNAME', label: '' }] }, /needs a `label`/],
    ['a field of an unknown type', { fields: [{ name: 'AGE', label: 'Age', type: 'Integer' as 'Numeric' }] }, /String, Numeric, Date, Boolean/],
    ['fractional proxy hops', { trustedProxyHops: 1.5 }, /trustedProxyHops/],
    ['a zero rate limit', { rateLimit: { limit: 0, windowMs: 1000 } }, /rateLimit/],
    ['an API URL without a scheme', { apiUrl: 'r1-api.dotdigital.com' }, /apiUrl/],
  ])('refuses %s at start-up, saying how to fix it', (_name, change, message) => {
    expect(() => createSignupHandler({ ...base, ...change })).toThrow(message);
    expect(() => createSignupHandler({ ...base, ...change })).toThrow(/see README, "Proxy options"/);
  });
});

describe('optionsFromEnv (dotdigital-signup serve)', () => {
  const env = { DOTDIGITAL_API_USER: 'apiuser-x@apiconnector.com', DOTDIGITAL_API_PASSWORD: 'pw' };

  it('maps every documented variable to its option', () => {
    expect(
      optionsFromEnv({
        ...env,
        DOTDIGITAL_API_URL: 'https://r2-api.dotdigital.com',
        SIGNUP_CONSENT_TEXT: 'Consent.',
        SIGNUP_OPT_IN_TYPE: 'VerifiedDouble',
        SIGNUP_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
        SIGNUP_ADDRESS_BOOK_ID: '42',
        SIGNUP_PREFERENCES: '2,5',
        SIGNUP_FIELDS: '[{"name":"FIRSTNAME","label":"First name","required":true}]',
        SIGNUP_TRUSTED_PROXY_HOPS: '2',
        SIGNUP_CLIENT_IP_HEADER: 'cf-connecting-ip',
        SIGNUP_RATE_LIMIT: '20/60',
        SIGNUP_DEFINITION_CACHE_SECONDS: '120',
      }),
    ).toEqual({
      ...{ apiUser: env.DOTDIGITAL_API_USER, apiPassword: 'pw', apiUrl: 'https://r2-api.dotdigital.com', consentText: 'Consent.' },
      optInType: 'VerifiedDouble',
      allowedOrigins: ['https://a.example', 'https://b.example'],
      addressBookId: 42,
      preferences: [2, 5],
      fields: [{ name: 'FIRSTNAME', label: 'First name', required: true }],
      trustedProxyHops: 2,
      clientIpHeader: 'cf-connecting-ip',
      rateLimit: { limit: 20, windowMs: 60_000 },
      definitionCacheSeconds: 120,
    });
    expect(optionsFromEnv({ ...env, SIGNUP_RATE_LIMIT: 'off' }).rateLimit).toBe(false);
  });

  it.each([
    ['SIGNUP_OPT_IN_TYPE', 'double', /SIGNUP_OPT_IN_TYPE must be Single or VerifiedDouble/],
    ['SIGNUP_ADDRESS_BOOK_ID', 'newsletter', /SIGNUP_ADDRESS_BOOK_ID must be a whole number/],
    ['SIGNUP_RATE_LIMIT', '10 per minute', /SIGNUP_RATE_LIMIT must look like 10\/60/],
    ['SIGNUP_FIELDS', 'FIRSTNAME', /SIGNUP_FIELDS must be a JSON array/],
    ['SIGNUP_PREFERENCES', '2,x', /SIGNUP_PREFERENCES must be a whole number/],
  ])('refuses %s=%j with a message naming it', (name, value, message) => {
    expect(() => optionsFromEnv({ ...env, [name]: value })).toThrow(message);
  });
});
