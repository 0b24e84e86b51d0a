import { describe, expect, it } from 'vitest';
import { parseRateLimit, retryAfterMs } from '../../../src/server/dotdigital/index.js';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const headers = (values: Record<string, string>) => new Headers(values);

describe('X-RateLimit-* headers', () => {
  it('reads a Reset under 10^9 as seconds from now', () => {
    const limit = parseRateLimit(headers({ 'X-RateLimit-Limit': '35', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '42', 'X-RateLimit-Scope': 'Tier1' }), NOW);
    expect(limit).toEqual({ limit: 35, remaining: 0, resetAt: NOW + 42_000, scope: 'Tier1' });
    expect(retryAfterMs(new Headers(), limit, NOW)).toBe(42_000);
  });

  it('reads a Reset of 10^9 or more as a Unix time in seconds', () => {
    const reset = NOW / 1000 + 30;
    const limit = parseRateLimit(headers({ 'x-ratelimit-reset': String(reset) }), NOW);
    expect(limit).toEqual({ limit: undefined, remaining: undefined, resetAt: NOW + 30_000, scope: undefined });
    expect(retryAfterMs(new Headers(), limit, NOW)).toBe(30_000);
  });

  it('never waits a negative time for a reset in the past', () => {
    expect(retryAfterMs(new Headers(), parseRateLimit(headers({ 'x-ratelimit-reset': String(NOW / 1000 - 5) }), NOW), NOW)).toBe(0);
  });

  it('answers undefined without headers, and ignores values that are not numbers', () => {
    expect(parseRateLimit(new Headers({ 'content-type': 'application/json' }), NOW)).toBeUndefined();
    expect(parseRateLimit(headers({ 'x-ratelimit-limit': 'lots', 'x-ratelimit-reset': '' }), NOW)).toBeUndefined();
    expect(parseRateLimit(headers({ 'x-ratelimit-limit': 'lots', 'x-ratelimit-scope': 'Tier1' }), NOW)).toEqual({ limit: undefined, remaining: undefined, resetAt: undefined, scope: 'Tier1' });
  });

  it('falls back to Retry-After (seconds or a date), else undefined', () => {
    expect(retryAfterMs(headers({ 'retry-after': '7' }), undefined, NOW)).toBe(7_000);
    expect(retryAfterMs(headers({ 'retry-after': new Date(NOW + 9_000).toUTCString() }), undefined, NOW)).toBe(9_000);
    expect(retryAfterMs(new Headers(), undefined, NOW)).toBeUndefined();
  });
});
