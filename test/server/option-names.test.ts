import { describe, expect, it } from 'vitest';
import { createSignupHandler, type SignupHandlerOptions } from '../../src/server/index.js';
import { createRedisStores, type RedisStoresOptions } from '../../src/server/stores/redis/index.js';

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

describe('unknown keys are refused at every depth, as at the top', () => {
  it.each([
    [{ queueDelivery: { bulkTreshold: 5 } }, '`queueDelivery.bulkTreshold` is not an option — did you mean `queueDelivery.bulkThreshold`?'],
    [{ retry: { budgetMS: 1_000 } }, 'did you mean `retry.budgetMs`?'],
    [{ rateLimit: { max: 5, window: 60_000 } }, 'did you mean `rateLimit.windowMs`?'],
    [{ clientIp: { headers: 'x-real-ip' } }, 'did you mean `clientIp.header`?'],
    [{ fields: [{ name: 'AGE', label: 'Age', requird: true }] }, '`fields[0].requird` is not an option — did you mean `fields[0].required`?'],
  ])('createSignupHandler %j', (extra, message) => {
    expect(() => createSignupHandler(withExtra(extra))).toThrow(message);
  });

  it.each([
    [{ redis: 'redis://127.0.0.1:6379', rateLimt: { max: 5, windowMs: 60_000 } }, 'createRedisStores: `rateLimt` is not an option — did you mean `rateLimit`?'],
    [{ redis: 'redis://127.0.0.1:6379', prefx: 'shop' }, 'createRedisStores: `prefx` is not an option — did you mean `prefix`?'],
    [{ redis: 'redis://127.0.0.1:6379', budget: { probeEvery: 5_000 } }, 'did you mean `budget.probeEveryMs`?'],
    [{ redis: 'redis://127.0.0.1:6379', rateLimit: { max: 5, windowMS: 60_000 } }, 'did you mean `rateLimit.windowMs`?'],
    // README's recipe with SIGNUP_REDIS_URL unset: a sentence that says so, not "Cannot read properties of undefined".
    [{ redis: undefined }, 'createRedisStores: `redis` is required: the redis:// or rediss:// URL of your Redis, or an ioredis client (is SIGNUP_REDIS_URL set where this runs, and where you build?)'],
    [{ redis: '' }, 'createRedisStores: `redis` is empty'],
    [{ redis: 'http://cache:6379' }, 'createRedisStores: `redis` must be a redis://host:port URL (or rediss:// for TLS), not "http://cache:6379"'],
  ])('createRedisStores %j', (options, message) => {
    expect(() => createRedisStores(options as unknown as RedisStoresOptions)).toThrow(message);
  });
});
