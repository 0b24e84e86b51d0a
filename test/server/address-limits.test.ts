import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAddressLimits } from '../../src/server/http/address-limits.js';
import { createMemoryCounters, type CounterStore } from '../../src/server/http/use-counter.js';
import { createFileCounters } from '../../src/server/node/file-counters.js';
import { createEmailRef } from '../../src/server/shared/email-ref.js';
import { captureLogger } from '../support/proxy-fixture.js';

const DAY = 86_400_000;

describe('counters in memory (fixed windows)', () => {
  it('allow max uses per window from a key\'s first use, then start over', async () => {
    let now = 0;
    const counter = createMemoryCounters({ now: () => now }).counter('address-emails', { max: 3, windowMs: DAY });
    const takes = async (n: number) => Promise.all(Array.from({ length: n }, () => counter.take('e:1')));
    expect(await takes(4)).toEqual([true, true, true, false]);
    now = DAY - 1;
    expect(await counter.take('e:1')).toBe(false); // a bucket refilling evenly would have given one back by now
    now = DAY;
    expect(await takes(4)).toEqual([true, true, true, false]);
  });

  it('give one back, and keep names apart', async () => {
    const store = createMemoryCounters({ now: () => 0 });
    const writes = store.counter('address-writes', { max: 1, windowMs: DAY });
    const emails = store.counter('address-emails', { max: 1, windowMs: DAY });
    expect([await writes.take('e:1'), await emails.take('e:1'), await writes.take('e:1')]).toEqual([true, true, false]);
    await writes.give('e:1');
    expect(await writes.take('e:1')).toBe(true);
  });

  it('forget the least recently used key past their bound instead of growing', async () => {
    const counts = new Map();
    const counter = createMemoryCounters({ now: () => 0, maxKeys: 100, counts }).counter('c', { max: 1, windowMs: DAY });
    for (let n = 0; n < 1_000; n++) await counter.take(`e:${n}`);
    expect(counts.size).toBe(100);
  });

  it('refuse a limit they cannot count', () => {
    const store = createMemoryCounters({ now: () => 0 });
    expect(() => store.counter('c', { max: 0, windowMs: DAY })).toThrow(/max must be a whole number/);
    expect(() => store.counter('c', { max: 1, windowMs: 10 })).toThrow(/windowMs must be at least 1000/);
  });
});

describe('address limits', () => {
  it('key by a keyed hash of the address, never the address; the same address in any case is one', async () => {
    const seen: string[] = [];
    const memory = createMemoryCounters({ now: () => 0 });
    const store: CounterStore = { counter: (name, limit) => { const inner = memory.counter(name, limit); return { take: (key) => (seen.push(key), inner.take(key)), give: (key) => inner.give(key) }; } };
    const limits = createAddressLimits({ writes: 1, emails: 3, windowMs: DAY }, store, createEmailRef('secret'));
    expect([await limits.take('writes', 'Ann@Example.com'), await limits.take('writes', 'ann@example.com')]).toEqual([true, false]);
    expect(seen.every((key) => /^e:[0-9a-f]{16}$/.test(key))).toBe(true);
    expect(seen.join()).not.toMatch(/ann/i);
    const other = createAddressLimits({ writes: 1, emails: 3, windowMs: DAY }, createMemoryCounters({ now: () => 0 }), createEmailRef('another secret'));
    expect(await other.take('writes', 'ann@example.com')).toBe(true);
  });

  it('let everything through when off, or when their store cannot answer (logged once a minute)', async () => {
    const off = createAddressLimits(false, createMemoryCounters({ now: () => 0 }), createEmailRef('s'));
    expect(await Promise.all(Array.from({ length: 10 }, () => off.take('emails', 'a@example.com')))).toEqual(Array(10).fill(true));
    const logger = captureLogger();
    const broken: CounterStore = { counter: () => ({ take: () => Promise.reject(new Error('Redis is down')), give: () => Promise.reject(new Error('Redis is down')) }) };
    const limits = createAddressLimits({ writes: 1, emails: 1, windowMs: DAY }, broken, createEmailRef('s'), logger, () => 0);
    expect([await limits.take('emails', 'a@example.com'), await limits.take('emails', 'a@example.com')]).toEqual([true, true]);
    await limits.give('emails', 'a@example.com');
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringContaining('per-address limits could not be checked') })]);
  });
});

describe('counters in a file (one Node process, kept across restarts)', () => {
  it('a restart does not give an address a fresh day of emails; a day later it has one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'counters-'));
    try {
      const path = join(dir, 'queue.jsonl.limits.json');
      let now = Date.parse('2026-05-01T00:00:00Z');
      const first = await createFileCounters(path, () => now);
      const emails = first.counter('address-emails', { max: 3, windowMs: DAY });
      for (let n = 0; n < 3; n++) await emails.take('e:1');
      await first.close();
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(await readFile(path, 'utf8')).not.toContain('@');
      const second = await createFileCounters(path, () => now);
      expect(await second.counter('address-emails', { max: 3, windowMs: DAY }).take('e:1')).toBe(false);
      now += DAY;
      expect(await second.counter('address-emails', { max: 3, windowMs: DAY }).take('e:1')).toBe(true);
      await second.close();
      const torn = path.replace('queue', 'torn');
      await (await import('node:fs/promises')).writeFile(torn, '{"address-emails:e:1": {"count": 3, "res');
      const afterCrash = await createFileCounters(torn, () => now);
      expect(await afterCrash.counter('address-emails', { max: 3, windowMs: DAY }).take('e:1')).toBe(true); // starts over, as without the file
      await afterCrash.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
