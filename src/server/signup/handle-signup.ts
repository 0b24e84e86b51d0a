import { parseSignupRequest } from '../../core/index.js';
import { MAX_USER_AGENT_LENGTH } from '../dotdigital/build-contact-body.js';
import { clientIp, UNKNOWN_CLIENT } from '../http/client-ip.js';
import { errorResponse, jsonResponse, tagOutcome } from '../http/json-response.js';
import type { SignupRequestContext } from '../shared/signup-request-context.js';
import { checkFields } from './check-fields.js';
import { consentPageUrl } from './consent-page-url.js';
import type { LiveSignupDeps } from './live-signup-deps.js';
import { runLiveSignup } from './live-signup.js';
import { readSignupBody } from './read-signup-body.js';

// A visitor's clock further off than this is not believed; the server's time is recorded instead.
const CLOCK_TOLERANCE_MS = 10 * 60 * 1000;

/**
 * `POST {endpoint}`: every rule between a visitor's request and Dotdigital, cheapest first,
 * so nothing invalid is ever sent upstream: the origin (a page of another site cannot sign
 * its visitors up), the per-IP limit (an unknown address counts in one shared `unknown` bucket),
 * the body, consent, page URL and fields, the human check (proof of work, or the no-JavaScript
 * budget for a form posted without one); then runLiveSignup. Every contact who left —
 * unsubscribed and asked to confirm, suppressed, bounced, complained — gets one answer,
 * `202 pending_confirmation`, so the form never tells them apart; with double opt-in a new
 * address gets it too, in the same time (README, "Security notes").
 *
 * @example
 * return handleSignup(deps, request, { clientAddress: socket.remoteAddress });
 * return handleSignup(deps, request, context, { formPost: true }); // the browser's own submit of the HTML form
 */
export async function handleSignup(engine: LiveSignupDeps, request: Request, context: SignupRequestContext, how: { formPost?: boolean } = {}): Promise<Response> {
  const { options, cors, limiter, logger } = engine;
  const origin = request.headers.get('origin');
  const headers = { ...cors.corsHeaders(origin), 'cache-control': 'no-store' };
  const listed = options.allowedOrigins.size > 0;
  if (!cors.allowsPost(request)) {
    const named = origin === null ? 'A request without an Origin header' : origin.slice(0, 100);
    const site = request.headers.get('sec-fetch-site')?.slice(0, 20);
    // Visitors choose origins: these warnings have their own allowance, apart from the proxy's own.
    engine.warnOnce(`origin:${named}`, listed
      ? 'Refused a signup from an origin not in `allowedOrigins`: add it there if the form is on that site'
      : 'Refused a signup from a page on another site: without `allowedOrigins` only pages on the proxy\'s own origin may post; list your site there if the form is on it', { origin: named, ...(site ? { secFetchSite: site } : {}) });
    const why = listed ? 'it is not in allowedOrigins' : 'only pages on this proxy\'s own origin may (no allowedOrigins are set)';
    const who = origin === null && !listed ? 'A page on another site' : named;
    return errorResponse(403, 'origin_not_allowed', `${who} may not sign people up here: ${why}.`, undefined, headers);
  }
  const ip = clientIp(request.headers, context.clientAddress, options);
  if (ip === undefined) engine.warnOnce('ip', 'The visitor\'s IP address is unknown, so IPADDRESS is not recorded and every such visitor shares one rate limit (`unknown`): set \`clientIp\` for where the proxy runs, or pass clientAddress (README, "Client IP by platform")');
  const limitKey = ip ?? UNKNOWN_CLIENT;
  if (limiter) {
    const verdict = await limiter.take(limitKey);
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
  if (signup.honeypot) {
    const startedAt = options.clock.now();
    logger?.info('Honeypot filled: answered as a signup, sent nowhere', {});
    if (options.optInType === 'Single') return tagOutcome(jsonResponse(201, { status: 'subscribed' }, headers), { status: 'honeypot' }); // counted apart: a bot, not a subscriber
    await engine.floor.hold(startedAt); // as long as a person's answer takes
    return tagOutcome(jsonResponse(202, { status: 'pending_confirmation' }, headers), { status: 'honeypot' });
  }
  // The statement of the form's locale, or of another locale the visitor read: recorded word for word.
  const saw = await engine.consent.match(signup.consent);
  if (!saw) return errorResponse(409, 'consent_mismatch', 'The consent text has changed since the form was loaded; load the form again.', 'consent', headers);
  const pageUrl = consentPageUrl(signup.consent.pageUrl);
  if (!pageUrl || !cors.allowsPage(pageUrl, request)) {
    const elsewhere = listed ? 'is not on one of this proxy\'s allowedOrigins' : 'is not on this proxy\'s own origin (set allowedOrigins for a form on another site)';
    const why = pageUrl ? elsewhere : 'must be the http(s) address of the page with the form, at most 2048 characters';
    return errorResponse(400, 'invalid_page_url', `consent.pageUrl ${why}.`, 'consent.pageUrl', headers);
  }
  const fields = checkFields(signup.fields, options.fields);
  if (!fields.ok) return errorResponse(400, fields.problem.code, fields.problem.message, fields.problem.field, headers);
  // Last before any work: the proof is spent only by a signup that is otherwise good.
  const refused = await engine.humanCheck.check(signup.proof, { formPost: how.formPost ?? false, ip, hostname: new URL(request.url).hostname });
  if (refused) return errorResponse(refused.status, refused.code, refused.message, undefined, headers);

  const startedAt = options.clock.now();
  const ref = logger ? await engine.emailRef(signup.email) : '';
  const claimed = Date.parse(signup.consent.consentedAt);
  const clockBelieved = Math.abs(claimed - startedAt) <= CLOCK_TOLERANCE_MS;
  const captured = {
    email: signup.email,
    optInType: options.optInType,
    dataFields: fields.values,
    consentText: saw.text,
    ...(saw.locale ? { locale: saw.locale } : {}),
    consentedAt: new Date(clockBelieved ? claimed : startedAt).toISOString(),
    pageUrl: pageUrl.href,
    ipAddress: ip,
    // Capped when captured, so a queued signup is as small as what is recorded.
    userAgent: (request.headers.get('user-agent') ?? '').slice(0, MAX_USER_AGENT_LENGTH),
    shown: new Set<number>(),
    ticked: new Set(signup.preferences ?? []),
  };
  return runLiveSignup(engine, { captured, ref, limitKey, startedAt, headers, clockReplaced: !clockBelieved });
}
