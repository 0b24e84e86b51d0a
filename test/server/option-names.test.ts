import { describe, expect, it } from 'vitest';
import { createSignupHandler, type SignupHandlerOptions } from '../../src/server/index.js';

const base = { apiUser: 'apiuser-x@apiconnector.com', apiPassword: 'secret', consentText: 'Yes please.', logger: false as const };
const withExtra = (extra: Record<string, unknown>) => ({ ...base, ...extra }) as SignupHandlerOptions;

describe('createSignupHandler refuses option names it does not know', () => {
  it.each([
    [{ allowedOrigin: ['https://www.example.com'] }, '`allowedOrigin` is not an option — did you mean `allowedOrigins`?'],
    [{ allowedorigins: ['https://www.example.com'] }, 'did you mean `allowedOrigins`?'],
    [{ apiPasword: 'x' }, 'did you mean `apiPassword`?'],
    [{ rateLimits: false }, 'did you mean `rateLimit`?'],
    [{ trustProxy: 1 }, '`trustProxy` is not an option — did you mean `clientIp`?'],
  ])('%j', (extra, message) => {
    expect(() => createSignupHandler(withExtra(extra))).toThrow(message);
  });

  it('lists the options when nothing is near', () => {
    expect(() => createSignupHandler(withExtra({ zzzzzzzzzzzz: 1 }))).toThrow(/`zzzzzzzzzzzz` is not an option — the options are `apiUser`, .*`clock` \(see README, "Proxy options"\)/);
  });

  it('refuses an unknown key even when its value is undefined (a typo is a typo)', () => {
    expect(() => createSignupHandler(withExtra({ allowedOrigin: undefined }))).toThrow(/did you mean `allowedOrigins`/);
  });

  it('takes every known option', () => {
    expect(typeof createSignupHandler({ ...base, region: 'r1', allowedOrigins: [], clientIp: 'socket', rateLimit: false, definitionCacheMs: 0, retry: {}, clock: {} })).toBe('function');
  });
});
