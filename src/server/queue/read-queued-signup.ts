import * as z from 'zod/mini';
import type { QueuedSignup } from './signup-queue.js';

const ids = z.array(z.number());
// What delivery relies on; anything else the entry carries is kept as it is.
const queuedSignup = z.looseObject({
  id: z.string(),
  acceptedAt: z.number(),
  dueAt: z.number(),
  attempts: z.number(),
  contact: z.looseObject({
    email: z.string(),
    optInType: z.enum(['Single', 'VerifiedDouble']),
    dataFields: z.array(z.unknown()),
    consentText: z.string(),
    locale: z.optional(z.string()),
    consentedAt: z.string(),
    pageUrl: z.string(),
    ipAddress: z.optional(z.string()),
    userAgent: z.string(),
    shown: ids,
    ticked: ids,
  }),
  addressBookId: z.optional(z.number()),
  needsDefinitionCheck: z.optional(z.boolean()),
});

/**
 * A stored entry read back: the signup, or why it cannot be one. A store shared with other
 * software (or written by an older version) can hold anything; the drainer skips what this
 * refuses instead of failing the whole claim. The reason never quotes the entry (personal data).
 *
 * @example
 * const read = readQueuedSignup(json);
 * if ('problem' in read) logger.warn('Skipped a malformed queue entry', { id, problem: read.problem });
 */
export function readQueuedSignup(json: string): { entry: QueuedSignup } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { problem: 'not JSON' };
  }
  const result = queuedSignup.safeParse(value);
  if (result.success) return { entry: result.data as QueuedSignup };
  return { problem: result.error.issues.map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.code}`).join('; ') };
}
