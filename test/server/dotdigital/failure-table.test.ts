import { describe, expect, it } from 'vitest';
import { DotdigitalApiError } from '../../../src/server/dotdigital/dotdigital-api-error.js';
import { FAILURE_TABLE, failureRetryAfterMs, keepsQueuedSignup, type FailureKind } from '../../../src/server/dotdigital/failure-table.js';
import { UpstreamGaveUp } from '../../../src/server/dotdigital/upstream-gave-up.js';
import { upstreamFailure } from '../../../src/server/dotdigital/upstream-failure.js';
import { createMemorySignupQueue } from '../../../src/server/index.js';
import { captureLogger, consentFor, CONTACT_WRITE, errorOf, hang, HOUR, post, proxyInOutage, status, type Fault } from '../../support/proxy-fixture.js';

// How Dotdigital answers a contact write so that the client reports each kind.
const WRITE_FAILS_AS: Partial<Record<FailureKind, Fault['answer']>> = {
  suppressed: status(400, { message: 'Contact is suppressed. ERROR_CONTACT_SUPPRESSED' }),
  invalid_email: status(400, { message: 'Email is not a valid email address. ERROR_PARAMETER_INVALID' }),
  unknown_data_field: status(400, { message: 'Data field X does not exist. ERROR_DATAFIELD_NOTFOUND' }),
  invalid_data_field: status(400, { message: 'Data field X is invalid. ERROR_DATAFIELD_INVALID' }),
  unknown_preference: status(400, { message: 'Preference 2 was not found. ERROR_PREFERENCE_NOT_FOUND' }),
  // With its reset, as Dotdigital sends it: without one the call budget holds every call back for a minute.
  rate_limited: status(429, { message: 'Too many requests' }, { 'x-ratelimit-limit': '35', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' }),
  usage_capped: status(400, { message: 'Temporarily capped. ERROR_APIUSAGE_EXCEEDED' }),
  unavailable: status(503),
  timeout: hang(),
  unauthorized: status(401, { message: 'Authorization has been denied for this request.' }),
  wrong_region: status(403, { message: 'Forbidden' }),
  not_found: status(404, { message: 'Not found' }),
  rejected: status(418, { message: "I'm a teapot" }),
  too_large: status(413, { message: 'The request is too large.' }),
};
// Kinds no contact write produces: the address-book call's (signup-handler.test.ts), the resubscribe
// flow's (returning-subscriber.test.ts), a bug's (below), a call the budget held back
// (call-budget-handler.test.ts) and the bulk import's (test/server/queue/bulk-delivery.test.ts).
const ELSEWHERE: FailureKind[] = ['unknown_address_book', 'cannot_resubscribe', 'internal', 'held_back', 'too_many_imports', 'consent_not_applied', 'rejected_by_watchdog', 'import_failed'];
const walked = Object.entries(WRITE_FAILS_AS) as Array<[FailureKind, Fault['answer']]>;

/** A proxy whose contact writes fail as `answer`, every time; with a queue when asked. */
async function failingWrites(answer: Fault['answer'], queue?: ReturnType<typeof createMemorySignupQueue>) {
  const p = proxyInOutage({ retry: { budgetMs: 2_000, attemptTimeoutMs: 20 }, ...(queue ? { queue } : {}) }, CONTACT_WRITE);
  await consentFor(p.handler);
  p.faults.splice(0, Infinity, { path: CONTACT_WRITE, times: Infinity, answer });
  const signUp = async () => p.handler(post({ email: 'ann@example.com', preferences: [2], consent: await consentFor(p.handler) }));
  return { ...p, signUp };
}

describe('the failure table', () => {
  it('reads how long to wait from the typed errors only, and never throws on whatever else was thrown', () => {
    const limited = new DotdigitalApiError(429, undefined, 'busy', 42_000);
    expect(failureRetryAfterMs(limited)).toBe(42_000);
    expect(failureRetryAfterMs(new UpstreamGaveUp('rate_limited', 3, 7_000, limited))).toBe(7_000);
    expect(failureRetryAfterMs(new DotdigitalApiError(500, undefined, 'down'))).toBeUndefined();
    for (const thrown of [null, undefined, 'text', 42, { retryAfterMs: 5 }, new Error('x')]) expect(failureRetryAfterMs(thrown)).toBeUndefined();
  });

  it('has a row for every kind, and the walk below covers every row', () => {
    expect([...walked.map(([kind]) => kind), ...ELSEWHERE].sort()).toEqual(Object.keys(FAILURE_TABLE).sort());
  });

  it('says what the proxy has always done with each kind (a change here is a change of behaviour)', () => {
    const decisions = Object.fromEntries(Object.entries(FAILURE_TABLE).map(([kind, row]) => [
      kind, [row.retryNow, row.queueLive, row.keepQueued, row.deadLetter, row.answer === 'pending_confirmation' ? 'pending_confirmation' : `${row.answer.status} ${row.answer.code}`],
    ]));
    expect(decisions).toEqual({
      // kind                  retry now, queue live, keep queued, dead letter (not the visitor's), visitor's answer
      // Issue 12: a contact who left goes through the resubscribe flow and gets the returning subscriber's answer.
      suppressed: [false, false, false, false, 'pending_confirmation'],
      cannot_resubscribe: [false, false, false, false, 'pending_confirmation'],
      invalid_email: [false, false, false, false, '400 invalid_email'],
      // Issue 23: refusals over the account's set-up (or with no reason given) keep a queued signup as a dead letter.
      unknown_data_field: [false, false, false, true, '502 upstream_rejected'],
      invalid_data_field: [false, false, false, true, '502 upstream_rejected'],
      unknown_preference: [false, false, false, true, '400 unknown_preference'],
      unknown_address_book: [false, false, false, true, '502 upstream_rejected'],
      rate_limited: [true, true, true, true, '503 upstream_unavailable'],
      held_back: [false, true, true, true, '503 upstream_unavailable'],
      usage_capped: [false, true, true, true, '503 upstream_unavailable'],
      unavailable: [true, true, true, true, '503 upstream_unavailable'],
      timeout: [true, true, true, true, '503 upstream_unavailable'],
      unauthorized: [false, false, true, true, '502 upstream_rejected'],
      wrong_region: [false, false, true, true, '502 upstream_rejected'],
      not_found: [false, false, false, true, '502 upstream_rejected'],
      rejected: [false, false, false, true, '502 upstream_rejected'],
      // Issue 18: a 413 (an import over 50 MB) splits the import (splitImport); on a single call it is a refusal, not known to be the visitor's.
      too_large: [false, false, false, true, '502 upstream_rejected'],
      internal: [false, false, true, true, '500 internal_error'],
      // Only a bulk import reports these (retrySingly: its signups are sent again one call each).
      too_many_imports: [false, true, true, true, '503 upstream_unavailable'],
      consent_not_applied: [false, false, true, true, '502 upstream_rejected'],
      rejected_by_watchdog: [false, false, true, true, '502 upstream_rejected'],
      import_failed: [false, false, true, true, '502 upstream_rejected'],
    });
    expect(Object.keys(FAILURE_TABLE).filter((kind) => FAILURE_TABLE[kind as FailureKind].retrySingly).sort()).toEqual(['consent_not_applied', 'import_failed', 'rejected_by_watchdog']);
    expect(Object.keys(FAILURE_TABLE).filter((kind) => FAILURE_TABLE[kind as FailureKind].splitImport)).toEqual(['too_large']);
  });

  it.each(walked)('%s: a live signup is retried, answered and logged as its row says', async (kind, answer) => {
    const row = FAILURE_TABLE[kind];
    const p = await failingWrites(answer);
    const response = await p.signUp();
    expect(p.contactWrites() > 1).toBe(row.retryNow);
    if (row.answer === 'pending_confirmation') expect([response.status, await response.json()]).toEqual([202, { status: 'pending_confirmation' }]);
    else {
      expect(response.status).toBe(row.answer.status);
      expect(await errorOf(response)).toEqual({ code: row.answer.code, message: row.answer.message, ...(row.answer.field ? { field: row.answer.field } : {}) });
    }
    expect(p.logger.lines).toContainEqual(expect.objectContaining({ level: row.log.level, message: row.log.text }));
  });

  it.each(walked)('%s: a live signup is queued only when its row says so', async (kind, answer) => {
    const queue = createMemorySignupQueue();
    const p = await failingWrites(answer, queue);
    const response = await p.signUp();
    expect(response.status === 202 && queue.size === 1).toBe(FAILURE_TABLE[kind].queueLive);
  });

  it.each(walked)('%s: a queued signup is kept, becomes a dead letter or is dropped as its row says', async (kind, answer) => {
    const queue = createMemorySignupQueue();
    const p = await failingWrites(status(503), queue);
    expect((await p.signUp()).status).toBe(202);
    p.faults.splice(0, Infinity, { path: CONTACT_WRITE, times: Infinity, answer });
    p.clock.time += HOUR;
    const report = await p.handler.deliverQueued();
    const row = FAILURE_TABLE[kind];
    const expected = row.keepQueued ? { postponed: 1 } : row.answer === 'pending_confirmation' ? { delivered: 1 } : row.deadLetter ? { deadLettered: 1 } : { dropped: 1 };
    expect(report).toEqual({ delivered: 0, dropped: 0, postponed: 0, ...expected });
    expect(queue.size).toBe(row.keepQueued ? 1 : 0);
    // A dead letter keeps the signup whole, with why it left the queue.
    expect((await queue.deadLetters()).map((letter) => [letter.reason, letter.entry.contact.email])).toEqual('deadLettered' in expected ? [[kind, 'ann@example.com']] : []);
  });

  it('answers a bug (no Dotdigital answer at all) with its row, keeps a queued signup through it, and logs the stack', async () => {
    const logger = captureLogger();
    const response = upstreamFailure(new RangeError('a bug'), logger, {}, {});
    const { answer, log } = FAILURE_TABLE.internal;
    expect([response.status, (await errorOf(response)).code]).toEqual([500, answer !== 'pending_confirmation' && answer.code]);
    expect(logger.lines).toEqual([{ level: log.level, message: log.text, details: { error: expect.stringContaining('RangeError: a bug') } }]);
    expect(keepsQueuedSignup(new RangeError('a bug'))).toBe(true);
  });

  it('keeps a queued signup exactly when its row says so, whatever the status: a 5xx or a redirect is never a refusal of the contact', () => {
    const kinds = Object.keys(FAILURE_TABLE) as FailureKind[];
    for (const kind of kinds.filter((k) => k !== 'internal')) {
      for (const code of [0, 200, 400, 503]) expect(keepsQueuedSignup(new DotdigitalApiError(code, undefined, 'x', undefined, { kind })), `${kind} ${code}`).toBe(FAILURE_TABLE[kind].keepQueued);
      expect(keepsQueuedSignup(new UpstreamGaveUp(kind, 1, undefined, undefined)), kind).toBe(FAILURE_TABLE[kind].keepQueued);
    }
    // Read from the answer: a token on a 5xx or 3xx is no word on the contact.
    expect(keepsQueuedSignup(new DotdigitalApiError(500, 'ERROR_CONTACT_SUPPRESSED', 'x'))).toBe(true);
    expect(keepsQueuedSignup(new DotdigitalApiError(302, undefined, 'x'))).toBe(true);
    expect(keepsQueuedSignup(new DotdigitalApiError(400, 'ERROR_CONTACT_SUPPRESSED', 'x'))).toBe(false);
  });
});
