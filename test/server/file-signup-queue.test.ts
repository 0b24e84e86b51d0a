import { spawnSync } from 'node:child_process';
import { appendFile, chmod, lstat, mkdtemp, open, readFile, rm, stat, symlink, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignupQueueFullError, type QueuedSignup } from '../../src/server/index.js';
import { createFileSignupQueue } from '../../src/server/node/index.js';
import { captureLogger, consentFor, CONTACT_WRITE, fakeClock, post, proxyWithMock, status } from '../support/proxy-fixture.js';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signup-queue-'));
  path = join(dir, 'queue.jsonl');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const entry = (id: string, extra: Partial<QueuedSignup> = {}): QueuedSignup => ({
  id, acceptedAt: 1_000, dueAt: 2_000, attempts: 0,
  contact: { email: `${id}@example.com`, optInType: 'Single', dataFields: [], consentText: 'Yes.', consentedAt: '2026-03-01T11:59:55.000Z', pageUrl: 'https://www.example.com/', ipAddress: '203.0.113.7', userAgent: 'UA', shown: [2, 3], ticked: [2] },
  ...extra,
});
const ids = async (queue: { claim: (r: { now: number; limit: number; leaseMs: number }) => Promise<Array<{ id: string }>> }) =>
  (await queue.claim({ now: Number.MAX_SAFE_INTEGER, limit: 100, leaseMs: 1 })).map((e) => e.id);

describe('createFileSignupQueue', () => {
  it('keeps what was added, removed and rescheduled across a close and re-open', async () => {
    const first = await createFileSignupQueue({ path });
    for (const id of ['a', 'b', 'c']) await first.add(entry(id));
    await first.remove('b');
    const [claimed] = await first.claim({ now: 5_000, limit: 1, leaseMs: 60_000 });
    await first.reschedule(claimed!.id, claimed!.lease, { dueAt: 9_000, attempts: 1 });
    await first.close();

    const second = await createFileSignupQueue({ path });
    expect(second.size).toBe(2);
    const [a, c] = await second.claim({ now: 10_000, limit: 10, leaseMs: 60_000 });
    expect(a).toMatchObject({ ...entry('a'), dueAt: 9_000, attempts: 1 });
    expect(c).toMatchObject(entry('c'));
    await second.close();
  });

  it('skips a torn last line (a crash mid-write) and rewrites the file whole', async () => {
    const first = await createFileSignupQueue({ path });
    await first.add(entry('a'));
    await first.add(entry('b'));
    await first.close();
    await appendFile(path, JSON.stringify({ add: entry('torn') }).slice(0, 40));

    const logger = captureLogger();
    const second = await createFileSignupQueue({ path, logger });
    expect(await ids(second)).toEqual(['a', 'b']);
    expect(logger.lines).toEqual([]);
    const text = await readFile(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    for (const line of text.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    await second.add(entry('c'));
    await second.close();
    const third = await createFileSignupQueue({ path });
    expect(third.size).toBe(3);
    await third.close();
  });

  // A full disk can cut an append short without a crash. The next line must not be glued onto the
  // torn one: that signup was acknowledged (202 queued) and would be unreadable after a restart.
  it('a write cut short (disk full) costs no later signup', async () => {
    const queue = await createFileSignupQueue({ path });
    await queue.add(entry('a'));
    const probe = await open(join(dir, 'probe'), 'w');
    const fileHandle = Object.getPrototypeOf(probe) as FileHandle;
    await probe.close();
    const diskFull = vi.spyOn(fileHandle, 'appendFile').mockImplementationOnce(async function (this: FileHandle, data) {
      await this.write(String(data).slice(0, 40));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    await expect(queue.add(entry('b'))).rejects.toThrow(/ENOSPC/);
    diskFull.mockRestore();
    await queue.add(entry('c'));
    await queue.close();
    const logger = captureLogger();
    const reopened = await createFileSignupQueue({ path, logger });
    expect(await ids(reopened)).toEqual(['a', 'c']);
    expect(logger.lines).toEqual([]);
    await reopened.close();
  });

  it('skips and logs an unreadable line in the middle, keeping the rest', async () => {
    await writeFile(path, `${JSON.stringify({ add: entry('a') })}\nnot json\n${JSON.stringify({ add: entry('b') })}\n`);
    const logger = captureLogger();
    const queue = await createFileSignupQueue({ path, logger });
    expect(await ids(queue)).toEqual(['a', 'b']);
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'error', details: { path, line: 2 } })]);
    await queue.close();
  });

  it('says how to fix a path whose folder does not exist', async () => {
    await expect(createFileSignupQueue({ path: join(dir, 'missing', 'queue.jsonl') })).rejects.toThrow(/folder of the signup queue file .* does not exist: create it/);
  });

  it('is bounded, and a refused add leaves the file as it was', async () => {
    const queue = await createFileSignupQueue({ path, maxEntries: 1 });
    await queue.add(entry('a'));
    const before = await readFile(path, 'utf8');
    await expect(queue.add(entry('b'))).rejects.toBeInstanceOf(SignupQueueFullError);
    expect(await readFile(path, 'utf8')).toBe(before);
    await queue.close();
  });

  it('is readable by its owner only, and owned by one queue at a time', async () => {
    const queue = await createFileSignupQueue({ path });
    await queue.add(entry('a'));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await expect(createFileSignupQueue({ path })).rejects.toThrow(/is in use by process \d+ \(this one/);
    await queue.close();
    // A lock left by a process that is gone (a crash) is taken over.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(`${path}.lock`, String(gone));
    const next = await createFileSignupQueue({ path });
    expect(next.size).toBe(1);
    await next.close();
  });

  // Someone who can write in the queue's folder (a shared or world-writable one) plants links or
  // files beside the journal: personal data must still land only in a fresh file of mode 600.
  it('writes through no link planted at its temp file, and takes no permissions from a stale one', async () => {
    const victim = join(dir, 'victim.txt');
    await writeFile(victim, 'not the queue\n');
    await chmod(victim, 0o644);
    await symlink(victim, `${path}.tmp`);
    const queue = await createFileSignupQueue({ path });
    await queue.add(entry('a'));
    await queue.close();
    expect(await readFile(victim, 'utf8')).toBe('not the queue\n');
    expect((await lstat(path)).isFile()).toBe(true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);

    await writeFile(`${path}.tmp`, '');
    await chmod(`${path}.tmp`, 0o644);
    const reopened = await createFileSignupQueue({ path });
    expect(await ids(reopened)).toEqual(['a']);
    await reopened.close();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('a new proxy on the same file delivers what the old one accepted during an outage', async () => {
    const clock = fakeClock();
    const queue = await createFileSignupQueue({ path });
    const before = proxyWithMock({ clock, queue, retry: { budgetMs: 1_000 } });
    const consent = { ...(await consentFor(before.handler)), consentedAt: new Date(clock.now() - 1_000).toISOString() };
    before.faults.push({ path: CONTACT_WRITE, times: Infinity, answer: status(502) });
    const response = await before.handler(post({ email: 'ann@example.com', preferences: [2], consent }), { clientAddress: '198.51.100.4' });
    expect(await response.json()).toEqual({ status: 'queued' });
    await queue.close(); // the process stops

    const reopened = await createFileSignupQueue({ path });
    const after = proxyWithMock({ clock, queue: reopened });
    clock.time += 3_600_000;
    expect(await after.handler.deliverQueued()).toEqual({ delivered: 1, dropped: 0, postponed: 0 });
    const contact = after.mock.store.contacts.get('ann@example.com')!;
    expect(contact.consentRecords[0]!.fields).toMatchObject({ DATETIMECONSENTED: consent.consentedAt, IPADDRESS: '198.51.100.4', USERAGENT: 'Vitest/1.0' });
    expect([...contact.optedIn]).toEqual([2]);
    await reopened.close();
    const again = await createFileSignupQueue({ path });
    expect(again.size).toBe(0);
    await again.close();
  });

  // Delivered means gone: the journal appends {"remove":id} at once; the entry's line (address,
  // consent record, IP, user agent) goes with the next rewrite, compactAfterMs later or at close().
  it('a delivered signup leaves the file compactAfterMs after it was delivered, and at a clean stop', async () => {
    const queue = await createFileSignupQueue({ path, compactAfterMs: 150 });
    const p = proxyWithMock({ queue });
    const consent = await consentFor(p.handler);
    p.faults.push({ path: CONTACT_WRITE, times: Infinity, answer: status(502) });
    for (const email of ['ann@example.com', 'bob@example.com']) {
      expect(await (await p.handler(post({ email, preferences: [2], consent }), { clientAddress: '198.51.100.4' })).json()).toEqual({ status: 'queued' });
    }
    p.faults.length = 0;
    const [ann] = (await queue.claim({ now: Number.MAX_SAFE_INTEGER, limit: 1, leaseMs: 1 })).filter((e) => e.contact.email === 'ann@example.com');
    await queue.remove(ann!.id); // as a delivery round does once Dotdigital took it
    const removedAt = performance.now();
    expect(await readFile(path, 'utf8')).toContain('ann@example.com'); // still there, with its removal mark after it
    await vi.waitFor(async () => expect(await readFile(path, 'utf8')).not.toContain('ann@example.com'), { timeout: 5_000, interval: 20 });
    console.info(`file queue: a delivered signup's address left the file ${Math.round(performance.now() - removedAt)} ms after delivery (compactAfterMs 150)`);
    expect(await readFile(path, 'utf8')).toContain('bob@example.com'); // the one still waiting stays

    const [bob] = await queue.claim({ now: Number.MAX_SAFE_INTEGER, limit: 1, leaseMs: 1 });
    await queue.remove(bob!.id);
    await queue.close(); // well before compactAfterMs: the clean stop rewrites it
    expect(await readFile(path, 'utf8')).toBe('');
  });

  it('compacts a minute after a removal by default, not at each one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const queue = await createFileSignupQueue({ path });
      await queue.add(entry('a'));
      await queue.add(entry('b'));
      await queue.remove('a');
      await vi.advanceTimersByTimeAsync(59_000);
      expect(await readFile(path, 'utf8')).toContain('a@example.com');
      await vi.advanceTimersByTimeAsync(1_000);
      await vi.waitFor(async () => expect(await readFile(path, 'utf8')).not.toContain('a@example.com'));
      expect(await readFile(path, 'utf8')).toContain('b@example.com');
      await queue.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
