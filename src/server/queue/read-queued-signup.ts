import * as z from 'zod/mini';
import type { DeadLetter } from './dead-letters.js';
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
  requeuedAt: z.optional(z.number()),
});
// A dead letter as a store keeps it; `attempts`, when given, is the entry's count when it died.
const deadLetter = z.looseObject({
  entry: queuedSignup,
  attempts: z.optional(z.number()),
  reason: z.string(),
  diedAt: z.number(),
  status: z.optional(z.number()),
  token: z.optional(z.string()),
});

function parse<T>(json: string, schema: z.ZodMiniType<T>): { value: T } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { problem: 'not JSON' };
  }
  const result = schema.safeParse(value);
  if (result.success) return { value: result.data };
  return { problem: result.error.issues.map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.code}`).join('; ') };
}

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
  const read = parse(json, queuedSignup);
  return 'value' in read ? { entry: read.value as QueuedSignup } : read;
}

/**
 * A stored dead letter read back (as Redis keeps it: the entry as it was added, and its attempts
 * beside it), or why it cannot be one; the reason never quotes it.
 *
 * @example
 * const read = readDeadLetter(json);
 * if ('letter' in read) console.log(read.letter.reason);
 */
export function readDeadLetter(json: string): { letter: DeadLetter } | { problem: string } {
  const read = parse(json, deadLetter);
  if (!('value' in read)) return read;
  const { entry, attempts, reason, diedAt, status, token } = read.value as DeadLetter & { attempts?: number };
  const letter: DeadLetter = { entry: { ...entry, attempts: attempts ?? entry.attempts }, reason, diedAt };
  return { letter: Object.assign(letter, status === undefined ? {} : { status }, token === undefined ? {} : { token }) };
}
