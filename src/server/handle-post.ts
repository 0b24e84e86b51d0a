import { parseSignupRequest } from '../core/index.js';
import { consentTime } from './build-contact-body.js';
import { checkFields } from './check-fields.js';
import { clientIp, rateLimitKey } from './client-ip.js';
import { errorResponse, jsonResponse } from './json-response.js';
import { notAllowed } from './origin-policy.js';
import { readSignupBody } from './read-signup-body.js';
import type { SignupOutcome } from './submit-signup.js';
import type { SignupRuntime } from './signup-runtime.js';

const NO_STORE = { 'cache-control': 'no-store' };

/**
 * `POST {endpoint}`: every check, in the order that refuses bad input cheapest, then the
 * signup. Nothing reaches Dotdigital unless every check passed.
 *
 * @example
 * const response = await handlePost(runtime, request, '203.0.113.7');
 */
export async function handlePost(runtime: SignupRuntime, request: Request, socketAddress: string | undefined): Promise<Response> {
  const { options, policy } = runtime;
  const origin = request.headers.get('origin');
  if (!policy.allowsPost(origin)) return errorResponse(403, 'origin_not_allowed', notAllowed(origin));
  const ip = clientIp(request.headers, socketAddress, { trustedProxyHops: options.trustedProxyHops, header: options.clientIpHeader });
  const verdict = runtime.takeRate(ip);
  if (!verdict.ok) {
    const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    return errorResponse(429, 'rate_limited', `Too many signups from this address; try again in ${seconds} seconds.`, undefined, { 'retry-after': String(seconds) });
  }
  const read = await readSignupBody(request);
  if (!read.ok) return errorResponse(read.status, read.code, read.message);
  const parsed = parseSignupRequest(read.body);
  if (!parsed.ok) return errorResponse(400, parsed.problem.code, parsed.problem.message, parsed.problem.field);
  const signup = parsed.value;
  // A bot that filled the hidden field gets what a person gets, and nothing is sent.
  if (signup.honeypot) {
    options.logger.info('Honeypot filled: answered as a success, nothing sent to Dotdigital', { ip: ip === undefined ? undefined : rateLimitKey(ip) });
    return outcomeResponse(runtime, 'not_subscribed');
  }
  const fields = checkFields(signup.fields, options.fields);
  if (!fields.ok) return errorResponse(400, fields.problem.code, fields.problem.message, fields.problem.field);
  if (signup.consent.text !== options.consentText || signup.consent.version !== (await runtime.consentVersion)) {
    return errorResponse(409, 'consent_mismatch', 'The consent text has changed since the form was loaded; load the form again.', 'consent');
  }
  if (!policy.allowsPage(signup.consent.pageUrl)) {
    return errorResponse(400, 'invalid_page_url', 'consent.pageUrl is not on a website allowed to use this signup form.', 'consent.pageUrl');
  }
  const { value: state } = await runtime.definition.get();
  const unknown = (signup.preferences ?? []).find((id) => !state.offered.has(id));
  if (unknown !== undefined) {
    return errorResponse(400, 'unknown_preference', `Preference ${unknown} is not offered on this form; load the form again.`, 'preferences');
  }
  if (ip === undefined) runtime.warnNoIp();
  const outcome = await runtime.submit(state, {
    email: signup.email,
    optInType: options.optInType,
    dataFields: fields.dataFields,
    consentText: options.consentText,
    consentedAt: consentTime(signup.consent.consentedAt, options.clock.now()),
    pageUrl: signup.consent.pageUrl,
    ipAddress: ip ?? '',
    userAgent: request.headers.get('user-agent') ?? '',
    ticked: new Set(signup.preferences ?? []),
  });
  return outcomeResponse(runtime, outcome);
}

// `not_subscribed` (suppressed contact, honeypot) answers what a new address gets in this opt-in mode.
function outcomeResponse(runtime: SignupRuntime, outcome: SignupOutcome): Response {
  const pending = outcome === 'pending_confirmation' || (outcome === 'not_subscribed' && runtime.options.optInType === 'VerifiedDouble');
  return pending
    ? jsonResponse(202, { status: 'pending_confirmation' }, NO_STORE)
    : jsonResponse(201, { status: 'subscribed' }, NO_STORE);
}
