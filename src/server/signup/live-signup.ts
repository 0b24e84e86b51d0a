import type { ContactWrite } from '../dotdigital/build-contact-body.js';
import { countCalls } from '../dotdigital/count-calls.js';
import { FAILURE_TABLE, failureKind } from '../dotdigital/failure-table.js';
import { submitSignup, type SubmitOutcome } from '../dotdigital/submit-signup.js';
import { upstreamFailure } from '../dotdigital/upstream-failure.js';
import { errorResponse, jsonResponse } from '../http/json-response.js';
import { notOffered, type DefinitionSnapshot } from '../definition/definition-snapshot.js';
import type { LiveSignupDeps } from './live-signup-deps.js';

/** What the checks of a live signup hand on: who asked, when the work started, and how to answer. */
export interface LiveSignupRequest {
  /** The checked signup, as captured now (`shown` is filled in from the form definition). */
  captured: ContactWrite;
  /** The contact's reference for logs. */
  ref: string;
  /** The per-IP limit's key (`unknown` when the visitor's address is). */
  limitKey: string;
  /** When the work that depends on the address began (clock ms): the answer floor counts from here. */
  startedAt: number;
  headers: Record<string, string>;
  /** The visitor's browser clock was too far off and the server's time was recorded. */
  clockReplaced: boolean;
}

/**
 * The Dotdigital part of a live signup, after every local check: the preference ids against the
 * form definition, one of the address's writes for the day (past them nothing is written, and
 * the answer is a success's), then the submit step. Every Dotdigital call it made is charged to
 * the visitor's per-IP allowance; an answer `202 pending_confirmation` is held to the answer
 * floor, so how long it took says nothing about the address. A failure that queues is answered
 * `202 queued`; one that does not gives the write back, so trying again later is not counted.
 *
 * @example
 * return runLiveSignup(engine, { captured, ref, limitKey: ip ?? 'unknown', startedAt: clock.now(), headers, clockReplaced: false });
 */
export async function runLiveSignup(engine: LiveSignupDeps, request: LiveSignupRequest): Promise<Response> {
  const { options, logger, limits } = engine;
  const { captured, ref, headers } = request;
  const deadline = request.startedAt + options.retry.budgetMs;
  const counted = countCalls(engine.submit.client);
  let snapshot: DefinitionSnapshot;
  try {
    snapshot = await engine.definition.get();
  } catch (error) {
    // Never had the definition (a cold start during an outage): everything else is checked, the
    // preference ids (shape-checked by parseSignupRequest) are checked against it at delivery.
    if (!(await limits.take('writes', captured.email))) return jsonResponse(202, { status: 'queued' }, headers);
    if (await engine.enqueue(captured, error, ref, { needsDefinitionCheck: true })) return jsonResponse(202, { status: 'queued' }, headers);
    await limits.give('writes', captured.email);
    return upstreamFailure(error, logger, { contact: ref, call: 'preferences' }, headers);
  }
  const [unknown] = notOffered(captured.ticked, snapshot);
  if (unknown !== undefined) {
    return errorResponse(400, 'unknown_preference', `Preference ${unknown} is not offered on this form.`, 'preferences', headers);
  }
  const write = { ...captured, shown: snapshot.offered };
  const mayWrite = await limits.take('writes', write.email);
  let outcome: SubmitOutcome;
  try {
    outcome = await submitSignup({ ...engine.submit, client: counted.client, addressBookId: options.addressBookId, ref, limits }, write, snapshot.accountTree, deadline, { mayWrite });
  } catch (error) {
    await charge(engine, request.limitKey, counted.calls());
    if (FAILURE_TABLE[failureKind(error)].refreshDefinition) engine.definition.invalidate();
    if (mayWrite && (await engine.enqueue(write, error, ref))) return jsonResponse(202, { status: 'queued' }, headers);
    if (mayWrite) await limits.give('writes', write.email);
    return upstreamFailure(error, logger, { contact: ref }, headers);
  }
  engine.metrics.delivered('live');
  if (outcome.kind === 'written') logger?.info('Signed up', { contact: ref, pending: outcome.pending, clockReplaced: request.clockReplaced });
  // A contact who left gets one answer, challenged or not, whatever the reason (submitSignup logged which).
  const pending = outcome.kind === 'returning' || outcome.kind === 'not_subscribed' || outcome.pending || options.optInType === 'VerifiedDouble';
  await charge(engine, request.limitKey, counted.calls());
  engine.floor.learn(pending ? (outcome.kind === 'unchanged' && outcome.limited ? 'limited' : outcome.kind) : undefined, options.clock.now() - request.startedAt, counted.calls());
  if (!pending) return jsonResponse(201, { status: 'subscribed' }, headers);
  await engine.floor.hold(request.startedAt);
  return jsonResponse(202, { status: 'pending_confirmation' }, headers);
}

// The calls beyond the first, which `take` already counted when the request arrived.
async function charge(engine: LiveSignupDeps, key: string, calls: number): Promise<void> {
  if (calls > 1) await engine.limiter?.charge?.(key, calls - 1);
}
