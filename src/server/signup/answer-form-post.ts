import { isSignupErrorCode, SIGNUP_FORM_FIELDS, signupOutcomeUrl, type SignupOutcome } from '../../core/index.js';
import { answerOutcome, errorResponse, tagOutcome } from '../http/json-response.js';
import type { OriginPolicy } from '../http/cors.js';
import type { SignupRequestContext } from '../shared/signup-request-context.js';
import { consentPageUrl } from './consent-page-url.js';
import { handleSignup } from './handle-signup.js';
import type { LiveSignupDeps } from './live-signup-deps.js';
import { mediaType, readBodyText, tooLarge } from './read-signup-body.js';

/**
 * True for the browser's own submit of a `<form method="post">`: form-encoded, and a page
 * navigation (`Sec-Fetch-Mode: navigate`, which every current browser sends; without that
 * header, an `Accept` naming `text/html`). A script posting the same encoding with `fetch`, or
 * a server-side client, keeps JSON answers.
 *
 * @example
 * if (isBrowserFormPost(request)) return answerFormPost(engine, request, context);
 */
export function isBrowserFormPost(request: Request): boolean {
  if (mediaType(request) !== 'application/x-www-form-urlencoded') return false;
  const mode = request.headers.get('sec-fetch-mode');
  if (mode !== null) return mode === 'navigate';
  return (request.headers.get('accept') ?? '').includes('text/html');
}

/**
 * A form posted without JavaScript: the signup goes through exactly the checks (and answer) of
 * a JSON one, and the browser is sent `303` back to the page it came from with the outcome in
 * the URL (core's signupOutcomeUrl). Only back to a page on an allowed origin, and on the
 * origin that posted, so the proxy never redirects anyone elsewhere; with no such page the
 * JSON answer is given as it is.
 *
 * @example
 * return answerFormPost(engine, request, { clientAddress });
 */
export async function answerFormPost(engine: LiveSignupDeps, request: Request, context: SignupRequestContext): Promise<Response> {
  const text = await readBodyText(request);
  const form = new URLSearchParams(text ?? '');
  const back = backTo([form.get(SIGNUP_FORM_FIELDS.pageUrl), request.headers.get('referer')], request, engine.cors);
  let answer: Response;
  if (text === undefined) {
    const { status, code, message } = tooLarge();
    answer = errorResponse(status, code, message);
  } else {
    // The body is read; handleSignup reads it again from a copy, through the one path every signup takes.
    answer = await handleSignup(engine, new Request(request.url, { method: 'POST', headers: request.headers, body: text }), context, { formPost: true });
  }
  if (!back) return answer;
  const said = answerOutcome(answer);
  const location = signupOutcomeUrl(back, await outcomeOf(answer), form.get(SIGNUP_FORM_FIELDS.formId) ?? undefined);
  const redirect = new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
  return said ? tagOutcome(redirect, said) : redirect;
}

// The first candidate that is an http(s) page on an allowed origin, and on the posting page's origin.
function backTo(candidates: Array<string | null>, request: Request, cors: OriginPolicy): URL | undefined {
  const origin = request.headers.get('origin');
  for (const candidate of candidates) {
    const url = candidate ? consentPageUrl(candidate) : undefined;
    if (url && cors.allowsPage(url, request) && (origin === null || origin === url.origin)) return url;
  }
  return undefined;
}

async function outcomeOf(answer: Response): Promise<SignupOutcome> {
  const body = (await answer.json().catch(() => ({}))) as { status?: string; error?: { code?: string; field?: string } };
  if (answer.ok && (body.status === 'subscribed' || body.status === 'pending_confirmation' || body.status === 'queued')) return { status: body.status };
  const retryAfter = Number(answer.headers.get('retry-after'));
  return {
    status: 'error',
    code: isSignupErrorCode(body.error?.code) ? body.error.code : 'internal_error',
    ...(body.error?.field ? { field: body.error.field } : {}),
    ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  };
}
