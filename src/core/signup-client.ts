import { isSignupErrorCode } from './error-codes.js';
import { readFormDefinition, type FormDefinition } from './form-definition.js';
import { parseRetryAfter } from './retry-after.js';
import { SignupError } from './signup-error.js';
import type { SignupRequest } from './signup-request.js';
import type { SignupSender, SignupStatus } from './send-signup.js';
import { loadSender } from './sender-loader.js';
import { withQuery } from './with-query.js';

export type { SignupStatus };

/** Options of {@link createSignupClient}. */
export interface SignupClientOptions {
  /** The URL of your signup proxy, e.g. `/api/signup`. */
  endpoint: string;
  /** A `fetch` to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch;
  /** Give up on a call after this many milliseconds (default 20000): a form must never spin forever. */
  timeoutMs?: number;
  /**
   * The form's language (a BCP 47 tag, e.g. `de`): the definition is asked for in it,
   * `GET {endpoint}?locale=de`, so the consent statement and labels come in that language.
   * Without it the plain `GET {endpoint}`: the proxy's default locale.
   */
  locale?: string;
}

/** Options of {@link SignupClient.loadDefinition}. */
export interface LoadDefinitionOptions {
  signal?: AbortSignal;
  /** Revalidate with the proxy instead of using the browser's cached copy (after a 409). */
  fresh?: boolean;
}

/** The browser side of the widget ⇄ proxy protocol. */
export interface SignupClient {
  /** The form's language (`SignupClientOptions.locale`): a signup sends it with the consent, for Dotdigital's emails. */
  readonly locale?: string | undefined;
  /** `GET {endpoint}`: the form to render. Throws {@link SignupError}. */
  loadDefinition(options?: LoadDefinitionOptions): Promise<FormDefinition>;
  /**
   * `POST {endpoint}`: sign the visitor up. Throws {@link SignupError}. When the definition asks
   * for a proof of work, the proof is attached (solved ahead by `prepare`, else now), and a
   * `human_check_failed` answer is retried once with a fresh one before it is thrown.
   */
  submit(request: SignupRequest, signal?: AbortSignal): Promise<SignupStatus>;
  /**
   * Call it when the form is shown: loads what a submit needs (a chunk of its own, not part of
   * the page's first download) and starts solving the proxy's proof of work in the background
   * when `definition` asks for one, so both are ready by the time the visitor submits.
   */
  prepare?(definition: FormDefinition): void;
}

/**
 * Creates the client that talks to the signup proxy. Framework-free: the React widget
 * and the script tag both use it, and so can your own UI.
 *
 * @example
 * const client = createSignupClient({ endpoint: '/api/signup', locale: 'de' });
 * const definition = await client.loadDefinition(); // GET /api/signup?locale=de
 * await client.submit({ email, preferences: [9], consent: { ...definition.consent, consentedAt, pageUrl } });
 */
export function createSignupClient(options: SignupClientOptions): SignupClient {
  if (typeof options?.endpoint !== 'string' || options.endpoint.trim() === '') {
    throw new TypeError(
      "createSignupClient: `endpoint` is required — the URL of your signup proxy, e.g. '/api/signup' (see README, 'Run the proxy').",
    );
  }
  const { endpoint, locale } = options;
  // The definition in `locale`: README's preload line must name this exact URL for the browser to
  // hand its answer over.
  const definitionUrl = locale ? withQuery(endpoint, `locale=${encodeURIComponent(locale)}`) : endpoint;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const doFetch = (input: string, init: RequestInit) => (options.fetch ?? globalThis.fetch)(input, init);

  async function call(init: RequestInit, signal: AbortSignal | undefined, url = endpoint): Promise<{ status: number; body: unknown }> {
    // Our own controller carries both the caller's signal and the timeout (AbortSignal.any is too new to rely on).
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal?.addEventListener('abort', abort);
    if (signal?.aborted) abort();
    let timedOut = false;
    const timer = setTimeout(() => ((timedOut = true), abort()), timeoutMs);
    try {
      let response: Response;
      try {
        // Credentials left at fetch's default, 'same-origin': that is what README's
        // <link rel="preload" as="fetch" crossorigin> asks with, so the browser hands this call
        // the response it fetched while the script loaded ('omit' never matched it). A proxy on
        // another origin gets no cookies either way, and ours reads none.
        response = await doFetch(url, { ...init, signal: controller.signal });
      } catch (cause) {
        if (timedOut) throw new SignupError('network_error', `The signup service at ${url} did not answer within ${timeoutMs} ms.`);
        if ((cause as Error)?.name === 'AbortError') throw cause;
        throw new SignupError('network_error', `Could not reach the signup service at ${url}.`);
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) throw errorFromAnswer(response.status, body, parseRetryAfter(response.headers.get('retry-after'), Date.now()));
      return { status: response.status, body };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }

  // What a submit needs (the POST, the proof of work) loads once the form is shown, not with the
  // page: a chunk (the script tag's side file) asked for when the definition is known.
  let sender: Promise<SignupSender> | undefined;
  const withSender = () => (sender ??= loadSender().then((module) => module.createSignupSender(endpoint, call), (cause: unknown) => {
    sender = undefined; // the next try asks again
    throw new SignupError('network_error', `Could not load the signup form's code for ${endpoint}: ${String(cause)}`);
  }));
  const prepare = (definition: Partial<FormDefinition>) => void withSender().then((ready) => ready.prepare(definition), () => undefined);

  return {
    locale,
    prepare,
    async loadDefinition({ signal, fresh } = {}) {
      // No headers, like the preload README's snippet makes: nothing to tell the two requests apart.
      const init: RequestInit = fresh ? { cache: 'no-cache' } : {};
      try {
        const { status, body } = await call(init, signal, definitionUrl);
        const definition = readFormDefinition(body);
        if (!definition) throw new SignupError('internal_error', `The signup service at ${definitionUrl} did not answer with a form definition.`, { status });
        prepare(body as Partial<FormDefinition>); // the raw answer: the schema leaves humanCheck out
        return definition;
      } catch (error) {
        // The visitor reads one sentence (definitionFailedMessage); the developer needs the URL, the answer and the fix.
        if (error instanceof SignupError) console.error(loadFailure(definitionUrl, error));
        throw error;
      }
    },
    submit: (request, signal) => withSender().then((ready) => ready.submit(request, signal)),
  };
}

/**
 * The console line for a form definition that did not load: what `GET {endpoint}` got, and what to check.
 *
 * @example
 * loadFailure('/api/signup', new SignupError('not_found', 'The signup service answered 404.', { status: 404 }));
 * // "dotdigital-signup: GET /api/signup answered 404 (not_found: The signup service answered 404.) — is `endpoint` the URL of your signup proxy? (README, 'Troubleshooting')"
 */
function loadFailure(endpoint: string, { status, message }: SignupError): string {
  return `dotdigital-signup: GET ${endpoint} ${status ? `answered ${status}` : 'failed'}: ${message} (README, 'Troubleshooting')`;
}

/** The error an answer that is not 2xx stands for: the proxy's own body when it has one, else one read from the status. */
function errorFromAnswer(status: number, body: unknown, retryAfterMs: number | undefined): SignupError {
  const error = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | undefined)?.error;
  // A proxy in front of ours (a CDN, a platform's rate limiter) may answer without our body.
  const fallback = status === 429 ? 'rate_limited' : status === 404 ? 'not_found' : status >= 500 ? 'upstream_unavailable' : 'invalid_request';
  const code = isSignupErrorCode(error?.code) ? error.code : fallback;
  const message = typeof error?.message === 'string' ? error.message : `The signup service answered ${status}.`;
  const field = typeof error?.field === 'string' ? error.field : undefined;
  // A cross-origin answer shows Retry-After only if the proxy exposes it (ours does); 0 says nothing useful.
  const retryAfter = retryAfterMs ? Math.ceil(retryAfterMs / 1000) : undefined;
  return new SignupError(code, message, { status, field, retryAfter });
}
