import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemorySignupQueue, type SignupQueue } from '../../../src/server/index.js';
import { createFileSignupQueue } from '../../../src/server/node/index.js';
import { consentFor, CONTACT_WRITE, SITE } from '../../support/proxy-fixture.js';
import { backlogProxy, IMPORT } from './bulk-fixture.js';

// The mock answers an import body over `importBodyLimitBytes` with 413 contacts:requestTooLarge,
// as Dotdigital does over 50 MB. One signup here is about 630 bytes of import body.
const emails = (n: number, prefix = 'v') => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);
const puts = (p: Awaited<ReturnType<typeof backlogProxy>>) => p.upstream.filter((r) => r.method === 'PUT' && IMPORT.test(new URL(r.url).pathname));

const QUEUES: Array<[string, () => Promise<{ queue: SignupQueue & { readonly size: number }; close(): Promise<void> }>]> = [
  ['memory queue', async () => ({ queue: createMemorySignupQueue(), close: async () => undefined })],
  ['file queue', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bulk-split-'));
    const queue = await createFileSignupQueue({ path: join(dir, 'queue.jsonl') });
    return { queue, close: async () => (await queue.close(), await rm(dir, { recursive: true, force: true })) };
  }],
];

describe.each(QUEUES)('an import too large for Dotdigital (413), %s', (_name, makeQueue) => {
  it('is split in halves, recursively, until each part fits: every signup imported, none sent one call each', async () => {
    const { queue, close } = await makeQueue();
    try {
      const p = await backlogProxy({}, { importBodyLimitBytes: 3_500 }, queue); // 5 signups fit, 6 do not
      for (const email of emails(20)) await p.signUp(email);
      p.recover();
      expect(await p.handler.deliverQueued()).toEqual({ delivered: 20, dropped: 0, postponed: 0, imported: 20 });
      expect(p.mock.store.imports.map((i) => i.size)).toEqual([5, 5, 5, 5]);
      expect(puts(p)).toHaveLength(1 + 2 + 4); // 20 refused, 10 and 10 refused, four fives taken
      expect(p.calls(CONTACT_WRITE)).toBe(0);
      expect(queue.size).toBe(0);
      expect(p.logger.lines.filter((line) => line.message === 'Dotdigital refused the import as too large: it is sent again in halves').map((line) => line.details!.contacts)).toEqual([20, 10, 10]);
    } finally {
      await close();
    }
  });

  it('sends a signup through the single call only when it alone is too large for an import', async () => {
    const { queue, close } = await makeQueue();
    try {
      const p = await backlogProxy({}, { importBodyLimitBytes: 2_200 }, queue); // 3 signups fit; the long one alone does not
      await p.signUp('long@example.com', { consent: { ...(await consentFor(p.handler)), pageUrl: `${SITE}/signup?${'x'.repeat(2_000)}` } });
      for (const email of emails(23)) await p.signUp(email);
      p.recover();
      expect(await p.handler.deliverQueued()).toEqual({ delivered: 24, dropped: 0, postponed: 0, imported: 23 });
      expect(p.calls(CONTACT_WRITE)).toBe(1);
      expect(p.mock.store.contacts.get('long@example.com')!.consentRecords[0]!.fields.URL).toMatch(/x{2000}$/);
      const sizes = p.mock.store.imports.map((i) => i.size);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
      expect(sizes.reduce((a, b) => a + b)).toBe(23);
      expect(p.mock.store.imports.flatMap((i) => i.created.map((c) => c.identifiers.email))).not.toContain('long@example.com');
      expect(queue.size).toBe(0);
    } finally {
      await close();
    }
  });
});
