import type { FormDefinition } from '../core/index.js';
import { answerDefinition } from './definition/answer-definition.js';
import type { DeliverQueued } from './queue/deliver-queued.js';
import { answerOutcome, errorResponse, jsonResponse } from './http/json-response.js';
import { answerFormPost, isBrowserFormPost } from './signup/answer-form-post.js';
import { handleSignup } from './signup/handle-signup.js';
import { resolveOptions } from './resolve-options.js';
import { createSignupEngine, type SignupEngine } from './signup-engine.js';
import type { SignupRequestContext } from './shared/signup-request-context.js';
import { checkReadiness, type Readiness } from './shared/check-readiness.js';
import { rememberHandlerLogger } from './shared/handler-logger.js';
import type { SignupHandlerOptions } from './signup-handler-options.js';
import { INTERNAL_ERROR } from './dotdigital/failure-table.js';
import { upstreamFailure } from './dotdigital/upstream-failure.js';

/**
 * The proxy: a Web-standard handler for `GET`, `HEAD`, `POST` and `OPTIONS` on the signup
 * endpoint (`GET {endpoint}?challenge`: a fresh proof-of-work challenge, never cached), plus `deliverQueued()`, which sends signups waiting in the `queue` option's
 * store (call it from a scheduled job; without a queue it does nothing), and
 * `formDefinition()`, the `GET` answer without HTTP, for a server that renders the form.
 *
 * @example
 * export { handler as GET, handler as HEAD, handler as POST, handler as OPTIONS }; // Next.js
 */
export interface SignupHandler {
  (request: Request, context?: SignupRequestContext): Promise<Response>;
  /**
   * Whatever a framework passes as its second argument is taken and ignored unless it holds
   * `clientAddress`. Typed `unknown` on purpose: Next.js's build checks a route export's declared
   * second parameter against its `{ params: Promise<…> }`, and lets only `unknown` (or none) pass.
   */
  (request: Request, context?: unknown): Promise<Response>;
  deliverQueued: DeliverQueued;
  /**
   * The form definition, exactly as `GET {endpoint}` answers it (`locale`: as
   * `GET {endpoint}?locale=de` does), from the handler's cache (one Dotdigital call however many
   * pages render at once): for a server that renders the whole form in the first HTML. Rejects
   * when Dotdigital cannot be reached and nothing is cached (the reason is logged): render the
   * form without a definition then, and it loads in the browser.
   *
   * @example
   * const definition = await handler.formDefinition({ locale: 'de' }).catch(() => undefined);
   */
  formDefinition(options?: { locale?: string | undefined }): Promise<FormDefinition>;
  /**
   * Whether this instance can take signups now: each store that can tell is asked (a Redis store
   * takes one write; a file queue is open and its folder writable); memory stores always can.
   * What `GET /readyz` of `serve` and `listenSignup` answers, 200 or 503 with this as the body.
   * Dotdigital's state is not part of it: while it is down, signups are queued.
   *
   * @example
   * const readiness = await handler.readiness(); // { ready: true, checks: { queue: { ok: true }, … } }
   * return Response.json(readiness, { status: readiness.ready ? 200 : 503 });
   */
  readiness(): Promise<Readiness>;
}

const ALLOW = 'GET, HEAD, POST, OPTIONS';
/** The query parameter a form names its language with: `GET {endpoint}?locale=de`. */
const LOCALE_PARAM = 'locale';

/**
 * Creates the signup proxy. It answers the form definition on `GET` and signs a visitor
 * up on `POST`, talking to Dotdigital with credentials the browser never sees. Options
 * are checked here, so a misconfiguration throws at start-up, not on a visitor's signup.
 *
 * @example
 * const handler = createSignupHandler({
 *   apiUser: process.env.DOTDIGITAL_API_USER!, apiPassword: process.env.DOTDIGITAL_API_PASSWORD!,
 *   consentText: 'Yes, send me the monthly newsletter. I can unsubscribe at any time.',
 *   allowedOrigins: ['https://www.example.com'],
 * });
 * export { handler as GET, handler as POST, handler as OPTIONS }; // Next.js route handlers
 */
export function createSignupHandler(options: SignupHandlerOptions): SignupHandler {
  const engine = createSignupEngine(resolveOptions(options));
  const { cors, logger } = engine;

  const formDefinition = async ({ locale }: { locale?: string | undefined } = {}): Promise<FormDefinition> => {
    try {
      // A copy from the JSON text: the same bytes GET answers, and nothing a caller changes leaks into the cache.
      return JSON.parse((await engine.definition.get()).localized(locale).json) as FormDefinition;
    } catch (error) {
      upstreamFailure(error, logger, { call: 'preferences' }, {});
      throw new Error('dotdigital-signup: the form definition could not be loaded from Dotdigital (the proxy\'s log says why); render the form without `definition` and it loads in the browser', { cause: error });
    }
  };

  const handler: SignupHandler = Object.assign(async function signupHandler(request: Request, context?: unknown) {
    try {
      const method = request.method;
      if (method === 'POST') {
        const known = context && typeof context === 'object' ? (context as SignupRequestContext) : {};
        const answer = await (isBrowserFormPost(request) ? answerFormPost : handleSignup)(engine, request, known);
        engine.metrics.signup(answerOutcome(answer) ?? { status: 'error', code: 'internal_error' });
        return answer;
      }
      if (method === 'GET' || method === 'HEAD') {
        const origin = request.headers.get('origin');
        const extra = cors.corsHeaders(origin);
        // A browser sends Origin on a GET only across origins: without CORS the page cannot read the form.
        if (origin !== null && !('access-control-allow-origin' in extra) && origin !== new URL(request.url).origin) warnForeignPage(engine, origin);
        if (new URL(request.url).searchParams.has('challenge')) return answerChallenge(engine, extra);
        try {
          // The locale is in the URL (`?locale=de`), so every cache keys each language apart by URL alone.
          const locale = new URL(request.url).searchParams.get(LOCALE_PARAM);
          return answerDefinition(request, (await engine.definition.get()).localized(locale), engine.options.definitionCacheMs, extra);
        } catch (error) {
          return upstreamFailure(error, logger, { call: 'preferences' }, extra);
        }
      }
      if (method === 'OPTIONS') {
        const answer = cors.preflight(request);
        if (answer.status === 403) warnForeignPage(engine, request.headers.get('origin') ?? '');
        return answer;
      }
      return errorResponse(405, 'method_not_allowed', `${method.slice(0, 20)} is not allowed here; use GET or POST.`, undefined, { allow: ALLOW });
    } catch (error) {
      // Only a bug lands here: the details go to the log, never to the browser.
      logger?.error('Signup handler failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      return errorResponse(INTERNAL_ERROR.status, INTERNAL_ERROR.code, INTERNAL_ERROR.message);
    }
  }, {
    deliverQueued: engine.deliverQueued,
    formDefinition,
    readiness: () => checkReadiness({ queue: engine.options.queue, budget: engine.options.budget, drainLock: engine.options.drainLock, ipLimiter: engine.options.ipLimiter }),
  });
  rememberHandlerLogger(handler, logger);
  return handler;
}

// Per visitor, so never cached: the definition stays the shared, cacheable answer it was.
async function answerChallenge(engine: SignupEngine, headers: Record<string, string>): Promise<Response> {
  const challenge = await engine.humanCheck.challenge();
  if (!challenge) return errorResponse(404, 'not_found', 'This proxy hands out no proof-of-work challenge: its `humanCheck` is off or a vendor\'s.', undefined, headers);
  return jsonResponse(200, challenge, { ...headers, 'cache-control': 'no-store' });
}

function warnForeignPage(engine: SignupEngine, origin: string): void {
  const named = origin.slice(0, 100);
  engine.warnOnce(`origin:${named}`, 'A page on an origin not in `allowedOrigins` tried to load the form, and the browser blocks it: add the origin there if the form is on that site', { origin: named });
}
