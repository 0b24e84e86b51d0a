import { parseSignupRequest } from '../../core/index.js';
import { notOffered, type DefinitionSnapshot } from '../definition/definition-snapshot.js';
import { MAX_USER_AGENT_LENGTH } from '../dotdigital/build-contact-body.js';
import { FAILURE_TABLE, failureKind } from '../dotdigital/failure-table.js';
import { submitSignup } from '../dotdigital/submit-signup.js';
import { upstreamFailure } from '../dotdigital/upstream-failure.js';
import { clientIp } from '../http/client-ip.js';
import { errorResponse, jsonResponse } from '../http/json-response.js';
import type { SignupRequestContext } from '../shared/signup-request-context.js';
import { checkFields } from './check-fields.js';
import { consentPageUrl } from './consent-page-url.js';
import type { LiveSignupDeps } from './live-signup-deps.js';
import { readSignupBody } from './read-signup-body.js';

// A visitor's clock further off than this is not believed; the server's time is recorded instead.
const CLOCK_TOLERANCE_MS = 10 * 60 * 1000;

/**
 * `POST {endpoint}`: every rule between a visitor's request and Dotdigital, cheapest first,
 * so nothing invalid is ever sent upstream. Every contact who left — unsubscribed and asked to
 * confirm, suppressed, bounced, complained — gets one answer, `202 pending_confirmation`, so
 * the form never tells them apart; with double opt-in a new address gets it too (README,
 * "Security notes").
 *
 * @example
 * return handleSignup(deps, request, { clientAddress: socket.remoteAddress });
 */
export async function handleSignup(engine: LiveSignupDeps, request: Request, context: SignupRequestContext): Promise<Response> {
  const { options, cors, limiter, logger } = engine;
  const origin = request.headers.get('origin');
  const headers = { ...cors.corsHeaders(origin), 'cache-control': 'no-store' };
  if (!cors.allowsPost(origin)) {
    const named = origin === null ? 'A request without an Origin header' : `${origin.slice(0, 100)}`;
    engine.warnOnce(`origin:${named}`, 'Refused a signup from an origin not in `allowedOrigins`: add it there if the form is on that site', { origin: named });
    return errorResponse(403, 'origin_not_allowed', `${named} may not sign people up here: it is not in allowedOrigins.`, undefined, headers);
  }
  const ip = clientIp(request.headers, context.clientAddress, options);
  if (ip === undefined) engine.warnOnce('ip', 'The visitor\'s IP address is unknown, so IPADDRESS is not recorded and signups are not rate-limited: set \`clientIp\` for where the proxy runs, or pass clientAddress (README, "Client IP by platform")');
  if (limiter && ip !== undefined) {
    const verdict = await limiter.take(ip);
    if (!verdict.allowed) {
      const seconds = String(Math.max(1, Math.ceil(verdict.retryAfterMs / 1000)));
      return errorResponse(429, 'rate_limited', `Too many signups from this address; try again in ${seconds} s.`, undefined, { ...headers, 'retry-after': seconds });
    }
  }
  const read = await readSignupBody(request, options.clock.now());
  if (!read.ok) return errorResponse(read.status, read.code, read.message, undefined, headers);
  const parsed = parseSignupRequest(read.body);
  if (!parsed.ok) return errorResponse(400, parsed.problem.code, parsed.problem.message, parsed.problem.field, headers);
  const signup = parsed.value;
  const accepted = (pending: boolean) =>
    pending || options.optInType === 'VerifiedDouble'
      ? jsonResponse(202, { status: 'pending_confirmation' }, headers)
      : jsonResponse(201, { status: 'subscribed' }, headers);
  if (signup.honeypot) {
    logger?.info('Honeypot filled: answered as a signup, sent nowhere', {});
    return accepted(false);
  }
  // The statement of the form's locale, or of another locale the visitor read: recorded word for word.
  const saw = await engine.consent.match(signup.consent);
  if (!saw) return errorResponse(409, 'consent_mismatch', 'The consent text has changed since the form was loaded; load the form again.', 'consent', headers);
  const pageUrl = consentPageUrl(signup.consent.pageUrl);
  if (!pageUrl || !cors.allowsPage(pageUrl)) {
    const why = pageUrl ? 'is not on one of this proxy\'s allowedOrigins' : 'must be the http(s) address of the page with the form, at most 2048 characters';
    return errorResponse(400, 'invalid_page_url', `consent.pageUrl ${why}.`, 'consent.pageUrl', headers);
  }
  const fields = checkFields(signup.fields, options.fields);
  if (!fields.ok) return errorResponse(400, fields.problem.code, fields.problem.message, fields.problem.field, headers);

  const deadline = options.clock.now() + options.retry.budgetMs;
  const ref = logger ? await engine.emailRef(signup.email) : '';
  const now = options.clock.now();
  const claimed = Date.parse(signup.consent.consentedAt);
  const clockBelieved = Math.abs(claimed - now) <= CLOCK_TOLERANCE_MS;
  const consentedAt = new Date(clockBelieved ? claimed : now).toISOString();
  const ticked = new Set(signup.preferences ?? []);
  const captured = {
    email: signup.email,
    optInType: options.optInType,
    dataFields: fields.values,
    consentText: saw.text,
    ...(saw.locale ? { locale: saw.locale } : {}),
    consentedAt,
    pageUrl: pageUrl.href,
    ipAddress: ip,
    // Capped when captured, so a queued signup is as small as what is recorded.
    userAgent: (request.headers.get('user-agent') ?? '').slice(0, MAX_USER_AGENT_LENGTH),
    shown: new Set<number>(),
    ticked,
  };
  let snapshot: DefinitionSnapshot;
  try {
    snapshot = await engine.definition.get();
  } catch (error) {
    // Never had the definition (a cold start during an outage): everything else is checked, the
    // preference ids (shape-checked by parseSignupRequest) are checked against it at delivery.
    if (await engine.enqueue(captured, error, ref, { needsDefinitionCheck: true })) return jsonResponse(202, { status: 'queued' }, headers);
    return upstreamFailure(error, logger, { contact: ref, call: 'preferences' }, headers);
  }
  const [unknown] = notOffered(ticked, snapshot);
  if (unknown !== undefined) {
    return errorResponse(400, 'unknown_preference', `Preference ${unknown} is not offered on this form.`, 'preferences', headers);
  }
  const write = { ...captured, shown: snapshot.offered };
  try {
    const outcome = await submitSignup({ ...engine.submit, addressBookId: options.addressBookId, ref }, write, snapshot.accountTree, deadline);
    // A contact who left gets one answer, challenged or not, whatever the reason (submitSignup logged which).
    if (outcome.kind !== 'written') return accepted(true);
    logger?.info('Signed up', { contact: ref, pending: outcome.pending, clockReplaced: !clockBelieved });
    return accepted(outcome.pending);
  } catch (error) {
    if (FAILURE_TABLE[failureKind(error)].refreshDefinition) engine.definition.invalidate();
    if (await engine.enqueue(write, error, ref)) return jsonResponse(202, { status: 'queued' }, headers);
    return upstreamFailure(error, logger, { contact: ref }, headers);
  }
}
