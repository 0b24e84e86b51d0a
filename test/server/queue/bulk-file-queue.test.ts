import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createFileSignupQueue } from '../../../src/server/node/index.js';
import { CONTACT_WRITE } from '../../support/proxy-fixture.js';
import { backlogProxy, diesAfterMark, IMPORT } from './bulk-fixture.js';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bulk-queue-'));
  path = join(dir, 'queue.jsonl');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const emails = (n: number) => Array.from({ length: n }, (_, i) => `f${i}@example.com`);

it('the file queue journals its imports: a process killed after the PUT resumes polling after the restart, nothing lost or sent twice', async () => {
  const queue = await createFileSignupQueue({ path });
  const p = await backlogProxy({}, {}, queue);
  for (const email of emails(40)) await p.signUp(email);
  p.recover();
  const dying = p.another({ queue: diesAfterMark(queue) });
  await expect(dying.deliverQueued()).rejects.toThrow('killed');
  await queue.close(); // the process is gone; its leases with it
  expect(await readFile(path, 'utf8')).toMatch(/"mark":\{"batchId":"[^"]+","importId":"[^"]+"\}/);

  const reopened = await createFileSignupQueue({ path });
  expect(await reopened.claim({ now: p.clock.now(), limit: 100, leaseMs: 1 })).toEqual([]); // parked across the restart
  expect(await reopened.unfinishedImports()).toEqual([expect.objectContaining({ importId: p.mock.store.imports[0]!.importId })]);
  const restarted = p.another({ queue: reopened });
  expect(await restarted.deliverQueued()).toEqual({ delivered: 40, dropped: 0, postponed: 0, imported: 40 });
  expect(p.mock.store.imports).toHaveLength(1);
  expect(p.calls(CONTACT_WRITE)).toBe(0);
  expect(p.calls(IMPORT)).toBeLessThanOrEqual(4);
  expect(emails(40).map((email) => p.mock.store.contacts.get(email)?.consentRecords.length)).toEqual(Array(40).fill(1));
  await reopened.close();
  const again = await createFileSignupQueue({ path });
  expect([again.size, await again.unfinishedImports()]).toEqual([0, []]);
  await again.close();
});

it('a batch begun but never marked (killed within the PUT) is sent again after the restart', async () => {
  const queue = await createFileSignupQueue({ path });
  const p = await backlogProxy({}, {}, queue);
  for (const email of emails(20)) await p.signUp(email);
  p.recover();
  const claimed = await queue.claim({ now: p.clock.now(), limit: 100, leaseMs: 60_000 });
  expect(await queue.beginImport({ entries: claimed, now: p.clock.now() })).toBeDefined();
  await queue.close();
  const reopened = await createFileSignupQueue({ path });
  expect(await reopened.unfinishedImports()).toEqual([{ batchId: expect.any(String), entries: expect.any(Array), startedAt: p.clock.now() }]); // no import id
  expect(await p.another({ queue: reopened }).deliverQueued()).toMatchObject({ delivered: 20, imported: 20 });
  expect(p.mock.store.imports).toHaveLength(1);
  await reopened.close();
});
