import { describe, expect, it } from 'vitest';
import { createSignupHandler, type SignupHandlerOptions } from '../../src/server/index.js';
import { optionsFromEnv } from '../../src/server/node/index.js';

const base = { apiUser: 'apiuser-x@apiconnector.com', apiPassword: 'secret', consentText: 'Yes please.' };

describe('createSignupHandler options', () => {
  it.each<[string, Partial<SignupHandlerOptions>, RegExp]>([
    ['no credentials', { apiUser: '', apiPassword: ' ' }, /`apiUser`, `apiPassword` are required/],
    ['no consent text', { consentText: '' }, /`consentText` is required/],
    ['an unknown region', { region: 'eu' as 'r1' }, /`region` must be 'r1', 'r2' or 'r3'/],
    ['an unknown opt-in type', { optInType: 'Double' as 'Single' }, /`optInType` must be 'Single' or 'VerifiedDouble'/],
    ['a bad address book id', { addressBookId: -3 }, /`addressBookId` must be the positive whole number/],
    ['negative hops', { trustedProxyHops: -1 }, /`trustedProxyHops` must be a whole number/],
    ['an empty rate limit', { rateLimit: { max: 0, windowMs: 1000 } }, /`rateLimit` must be `false`/],
    ['a field name Dotdigital cannot have', { fields: [{ name: 'FIRST NAME', label: 'x' }] }, /is not a Dotdigital data-field name/],
    ['a field listed twice', { fields: [{ name: 'A', label: 'a' }, { name: 'a', label: 'b' }] }, /listed twice/],
    ['a field without a label', { fields: [{ name: 'A', label: '' }] }, /needs a `label`/],
    ['a field of an unknown type', { fields: [{ name: 'A', label: 'a', type: 'Text' as 'String' }] }, /`type` must be String, Numeric, Date or Boolean/],
    ['an apiUrl with a path', { apiUrl: 'https://r1-api.dotdigital.com/v2' }, /apiUrl .* is not an API base URL/],
    ['no emails per address', { addressLimit: { emails: 0 } }, /`addressLimit` must be `false` or `\{ writes ≥ 1, emails ≥ 1, windowMs ≥ 1000 \}`/],
  ])('refuses %s at start-up, saying what to pass', (_name, options, message) => {
    expect(() => createSignupHandler({ ...base, ...options })).toThrow(message);
  });

  it('takes a minimal configuration', () => {
    expect(typeof createSignupHandler(base)).toBe('function');
  });
});

describe('optionsFromEnv (the serve command and adapters)', () => {
  const env = { DOTDIGITAL_API_USER: 'u@apiconnector.com', DOTDIGITAL_API_PASSWORD: 'p' };

  it('maps every variable to its option', () => {
    expect(
      optionsFromEnv({
        ...env,
        DOTDIGITAL_REGION: 'r2',
        SIGNUP_CONSENT_TEXT: 'Consent.',
        SIGNUP_OPT_IN_TYPE: 'VerifiedDouble',
        SIGNUP_ADDRESS_BOOK_ID: '101',
        SIGNUP_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
        SIGNUP_PREFERENCES: '1, 5',
        SIGNUP_FIELDS: '[{"name":"FIRSTNAME","label":"First name","required":true}]',
        SIGNUP_TRUSTED_PROXY_HOPS: '1',
        SIGNUP_CLIENT_IP_HEADER: 'cf-connecting-ip',
        SIGNUP_RATE_LIMIT: '5/60',
        SIGNUP_ADDRESS_WRITES_PER_DAY: '3',
        SIGNUP_ADDRESS_EMAILS_PER_DAY: '2',
        SIGNUP_DEFINITION_CACHE_SECONDS: '120',
      }),
    ).toEqual({
      apiUser: 'u@apiconnector.com',
      apiPassword: 'p',
      region: 'r2',
      consentText: 'Consent.',
      optInType: 'VerifiedDouble',
      addressBookId: 101,
      allowedOrigins: ['https://a.example', 'https://b.example'],
      preferences: [1, 5],
      fields: [{ name: 'FIRSTNAME', label: 'First name', required: true }],
      trustedProxyHops: 1,
      clientIpHeader: 'cf-connecting-ip',
      rateLimit: { max: 5, windowMs: 60_000 },
      addressLimit: { writes: 3, emails: 2 },
      definitionCacheMs: 120_000,
    });
  });

  it('turns the rate limit off with "off"', () => {
    expect(optionsFromEnv({ ...env, SIGNUP_RATE_LIMIT: 'off' }).rateLimit).toBe(false);
  });

  it.each([
    ['DOTDIGITAL_REGION', 'europe', /DOTDIGITAL_REGION="europe" is not valid: use r1, r2 or r3/],
    ['SIGNUP_OPT_IN_TYPE', 'double', /use Single or VerifiedDouble/],
    ['SIGNUP_ADDRESS_BOOK_ID', 'abc', /whole number ≥ 1/],
    ['SIGNUP_PREFERENCES', '1,two', /comma-separated preference ids/],
    ['SIGNUP_FIELDS', 'FIRSTNAME', /JSON array/],
    ['SIGNUP_RATE_LIMIT', '10 per minute', /MAX\/SECONDS/],
    ['SIGNUP_TRUSTED_PROXY_HOPS', '-1', /whole number ≥ 0/],
    ['SIGNUP_ADDRESS_EMAILS_PER_DAY', '0', /SIGNUP_ADDRESS_EMAILS_PER_DAY="0" is not valid: use a whole number ≥ 1/],
  ])('refuses %s=%s naming the variable', (name, value, message) => {
    expect(() => optionsFromEnv({ ...env, [name]: value })).toThrow(message);
  });
});
