import { describe, expect, it } from 'vitest';
import { mockWith, read, refusal } from '../support/mock-fixture.js';

function clock(start = Date.parse('2026-03-01T10:00:00.000Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms), ms: () => now };
}

const limitHeaders = (headers: Headers) =>
  ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-scope'].map((name) => headers.get(name));

describe('mock Dotdigital: per-minute rate limit', () => {
  it('answers 429 with the four X-RateLimit-* headers once the minute’s calls are used', async () => {
    const time = clock();
    const { api } = mockWith({ rateLimit: { perMinute: 3, scope: 'Tier1' }, now: time.now });
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      const answer = await api('GET', '/v2/preferences');
      expect(answer.status).toBe(200);
      remaining.push(answer.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    time.advance(20_000);
    const over = await read(api('GET', '/v2/data-fields'));
    expect(over.status).toBe(429);
    expect(limitHeaders(over.headers)).toEqual(['3', '0', '40', 'Tier1']);
    expect(over.body.message).toEqual(expect.any(String));
  });

  it('allows calls again when the minute is over', async () => {
    const time = clock();
    const { api } = mockWith({ rateLimit: { perMinute: 1 }, now: time.now });
    expect((await api('GET', '/v2/preferences')).status).toBe(200);
    expect((await api('GET', '/v2/preferences')).status).toBe(429);
    time.advance(60_000);
    expect((await api('GET', '/v2/preferences')).status).toBe(200);
  });

  it('counts in a shorter window when given windowMs (quick load tests)', async () => {
    const time = clock();
    const { api } = mockWith({ rateLimit: { perMinute: 2, windowMs: 5_000 }, now: time.now });
    expect((await api('GET', '/v2/preferences')).status).toBe(200);
    expect((await api('GET', '/v2/preferences')).status).toBe(200);
    time.advance(1_000);
    const over = await api('GET', '/v2/preferences');
    expect([over.status, over.headers.get('x-ratelimit-reset')]).toEqual([429, '4']);
    time.advance(4_000);
    expect((await api('GET', '/v2/preferences')).status).toBe(200);
  });

  it('writes X-RateLimit-Reset as a Unix time when asked', async () => {
    const time = clock();
    const { api } = mockWith({ rateLimit: { perMinute: 1, reset: 'epoch' }, now: time.now });
    await api('GET', '/v2/preferences');
    const over = await api('GET', '/v2/preferences');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('x-ratelimit-reset'))).toBe(Math.ceil((time.ms() + 60_000) / 1000));
  });
});

describe('mock Dotdigital: legacy hourly cap', () => {
  it('answers 400 ERROR_APIUSAGE_EXCEEDED over the cap, and lifts it after the hour', async () => {
    const time = clock();
    const { api } = mockWith({ hourlyCap: 2, now: time.now });
    expect((await api('GET', '/v2/preferences')).status).toBe(200);
    expect((await api('GET', '/v2/data-fields')).status).toBe(200);
    expect(await refusal(api('GET', '/v2/preferences'))).toEqual({
      status: 400,
      message: 'Your account has generated excess API activity and is being temporarily capped. Please contact support. ERROR_APIUSAGE_EXCEEDED',
      token: 'ERROR_APIUSAGE_EXCEEDED',
    });
    time.advance(3_600_000);
    expect((await api('GET', '/v2/preferences')).status).toBe(200);
  });
});
