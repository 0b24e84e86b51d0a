import { parseSignupRequest, type FormDefinition } from '../core/index.js';
import { buildContactBody, offeredPreferenceIds } from './build-contact-body.js';
import { normalizeIp } from './client-ip.js';
import { consentVersion } from './consent-version.js';
import { DotdigitalApiError } from './dotdigital/dotdigital-api-error.js';
import { createDotdigitalClient } from './dotdigital/dotdigital-client.js';
import { errorResponse, jsonResponse } from './json-response.js';
import { publicPreferences } from './public-preferences.js';
import { readSignupBody } from './read-signup-body.js';
import type { SignupHandlerOptions } from './signup-handler-options.js';

/** What the hosting adapter knows about the connection. */
export interface SignupRequestContext {
  /** The peer address of the socket (the Node adapter fills it). */
  clientAddress?: string;
}

/** The proxy: a Web-standard handler for `GET`, `POST` and `OPTIONS` on the signup endpoint. */
export type SignupHandler = (request: Request, context?: SignupRequestContext) => Promise<Response>;

// A visitor's clock further off than this is not believed; the server's time is recorded instead.
const CLOCK_TOLERANCE_MS = 15 * 60 * 1000;
const DEFINITION_TTL_MS = 60_000;

/**
 * Creates the signup proxy. It answers the form definition on `GET` and signs a visitor
 * up on `POST`, talking to Dotdigital with credentials the browser never sees.
 *
 * @example
 * const handler = createSignupHandler({
 *   apiUser: process.env.DOTDIGITAL_API_USER!, apiPassword: process.env.DOTDIGITAL_API_PASSWORD!,
 *   consentText: 'Yes, send me the monthly newsletter. I can unsubscribe at any time.',
 * });
 * export const GET = handler, POST = handler, OPTIONS = handler; // Next.js route handlers
 */
export function createSignupHandler(options: SignupHandlerOptions): SignupHandler {
  assertOptions(options);
  const client = createDotdigitalClient({
    apiUser: options.apiUser,
    apiPassword: options.apiPassword,
    apiUrl: options.apiUrl ?? 'https://r1-api.dotdigital.com',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const optInType = options.optInType ?? 'Single';
  let cached: { definition: FormDefinition; expires: number } | undefined;

  async function loadDefinition(): Promise<FormDefinition> {
    if (cached && cached.expires > Date.now()) return cached.definition;
    const tree = await client.getPreferences();
    const definition: FormDefinition = {
      preferences: publicPreferences(tree),
      consent: { text: options.consentText, version: await consentVersion(options.consentText) },
      fields: (options.fields ?? []).map((f) => ({ name: f.name, label: f.label, type: f.type ?? 'String', required: f.required ?? false })),
      doubleOptIn: optInType === 'VerifiedDouble',
    };
    cached = { definition, expires: Date.now() + DEFINITION_TTL_MS };
    return definition;
  }

  async function handlePost(request: Request, context: SignupRequestContext): Promise<Response> {
    const read = await readSignupBody(request);
    if (!read.ok) return errorResponse(read.status, read.code, read.message);
    const parsed = parseSignupRequest(read.body);
    if (!parsed.ok) return errorResponse(400, parsed.problem.code, parsed.problem.message, parsed.problem.field);
    const signup = parsed.value;
    if (signup.honeypot) return jsonResponse(201, { status: 'subscribed' }, { 'cache-control': 'no-store' });
    const definition = await loadDefinition();
    if (signup.consent.text !== definition.consent.text || signup.consent.version !== definition.consent.version) {
      return errorResponse(409, 'consent_mismatch', 'The consent text has changed since the form was loaded; load it again.', 'consent');
    }
    const offered = offeredPreferenceIds(definition);
    const unknown = (signup.preferences ?? []).find((id) => !offered.has(id));
    if (unknown !== undefined) {
      return errorResponse(400, 'unknown_preference', `Preference ${unknown} is not offered on this form.`, 'preferences');
    }
    const allowed = new Set((options.fields ?? []).map((f) => f.name));
    const extra = Object.keys(signup.fields ?? {}).find((name) => !allowed.has(name));
    if (extra !== undefined) return errorResponse(400, 'unknown_field', `Field ${extra} is not accepted by this form.`, `fields.${extra}`);
    const now = Date.now();
    const claimed = Date.parse(signup.consent.consentedAt);
    const consentedAt = new Date(Math.abs(claimed - now) <= CLOCK_TOLERANCE_MS ? claimed : now).toISOString();
    const body = buildContactBody(signup, definition, {
      ipAddress: normalizeIp(context.clientAddress ?? ''),
      userAgent: request.headers.get('user-agent') ?? '',
      consentedAt,
      optInType,
    });
    const result = await client.createContactWithConsentAndPreferences(body);
    if (result.status === 'PendingOptIn') return jsonResponse(202, { status: 'pending_confirmation' }, { 'cache-control': 'no-store' });
    if (result.status === 'Subscribed') return jsonResponse(201, { status: 'subscribed' }, { 'cache-control': 'no-store' });
    return errorResponse(422, 'contact_rejected', 'This address could not be subscribed.', 'email');
  }

  return async function signupHandler(request, context = {}) {
    try {
      if (request.method === 'GET' || request.method === 'HEAD') {
        const definition = await loadDefinition();
        return jsonResponse(200, definition, { 'cache-control': 'public, max-age=60, stale-while-revalidate=300' });
      }
      if (request.method === 'POST') return await handlePost(request, context);
      if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: { allow: 'GET, POST, OPTIONS' } });
      return errorResponse(405, 'method_not_allowed', `${request.method} is not allowed; use GET or POST.`, undefined, { allow: 'GET, POST, OPTIONS' });
    } catch (error) {
      return failure(error, options);
    }
  };
}

function failure(error: unknown, options: SignupHandlerOptions): Response {
  if (error instanceof DotdigitalApiError) {
    options.logger?.warn('Dotdigital call failed', { status: error.status, token: error.token });
    if (error.token === 'ERROR_CONTACT_SUPPRESSED') {
      return errorResponse(422, 'contact_rejected', 'This address could not be subscribed.', 'email');
    }
    if (error.status === 400 && error.token === 'ERROR_PARAMETER_INVALID') {
      return errorResponse(400, 'invalid_email', 'Enter an email address in the correct format, like name@example.com.', 'email');
    }
    if (!error.transient) return errorResponse(502, 'upstream_rejected', 'The newsletter service refused the signup.');
  } else {
    options.logger?.error('Signup handler failed', { error: String(error) });
  }
  return errorResponse(503, 'upstream_unavailable', 'The newsletter service is not answering; try again shortly.', undefined, { 'retry-after': '30' });
}

function assertOptions(options: SignupHandlerOptions): void {
  const missing = (['apiUser', 'apiPassword', 'consentText'] as const).filter((key) => typeof options?.[key] !== 'string' || options[key].trim() === '');
  if (missing.length > 0) {
    throw new TypeError(
      `createSignupHandler: ${missing.map((key) => `\`${key}\``).join(', ')} ${missing.length === 1 ? 'is' : 'are'} required — ` +
        'pass your Dotdigital API user, its password and the consent text shown to visitors (see README, "Proxy options").',
    );
  }
}
