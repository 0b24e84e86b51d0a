import { isSignupErrorCode } from './error-codes.js';
import { formDefinitionSchema, type FormDefinition } from './form-definition.js';
import { SignupError } from './signup-error.js';
import type { SignupRequest } from './signup-request.js';

/** What a successful signup answered. */
export type SignupStatus = 'subscribed' | 'pending_confirmation' | 'queued';

/** Options of {@link createSignupClient}. */
export interface SignupClientOptions {
  /** The URL of your signup proxy, e.g. `/api/signup`. */
  endpoint: string;
  /** A `fetch` to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch;
}

/** The browser side of the widget ⇄ proxy protocol. */
export interface SignupClient {
  /** `GET {endpoint}`: the form to render. Throws {@link SignupError}. */
  loadDefinition(signal?: AbortSignal): Promise<FormDefinition>;
  /** `POST {endpoint}`: sign the visitor up. Throws {@link SignupError}. */
  submit(request: SignupRequest, signal?: AbortSignal): Promise<SignupStatus>;
}

/**
 * Creates the client that talks to the signup proxy. Framework-free: the React widget
 * and the script tag both use it, and so can your own UI.
 *
 * @example
 * const client = createSignupClient({ endpoint: '/api/signup' });
 * const definition = await client.loadDefinition();
 * await client.submit({ email, preferences: [9], consent: { ...definition.consent, consentedAt, pageUrl } });
 */
export function createSignupClient(options: SignupClientOptions): SignupClient {
  if (typeof options?.endpoint !== 'string' || options.endpoint.trim() === '') {
    throw new TypeError(
      "createSignupClient: `endpoint` is required — the URL of your signup proxy, e.g. '/api/signup' (see README, 'Run the proxy').",
    );
  }
  const endpoint = options.endpoint;
  const doFetch = (input: string, init: RequestInit) => (options.fetch ?? globalThis.fetch)(input, init);

  async function call(init: RequestInit): Promise<{ status: number; body: unknown }> {
    let response: Response;
    try {
      response = await doFetch(endpoint, { ...init, credentials: 'omit' });
    } catch (cause) {
      if ((cause as Error)?.name === 'AbortError') throw cause;
      throw new SignupError('network_error', `Could not reach the signup service at ${endpoint}.`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw toSignupError(response.status, body);
    return { status: response.status, body };
  }

  return {
    async loadDefinition(signal) {
      const { body } = await call({ method: 'GET', headers: { accept: 'application/json' }, signal: signal ?? null });
      const parsed = formDefinitionSchema.safeParse(body);
      if (!parsed.success) {
        throw new SignupError('internal_error', `The signup service at ${endpoint} did not answer with a form definition.`);
      }
      return parsed.data as FormDefinition;
    },
    async submit(request, signal) {
      const { body } = await call({
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
        signal: signal ?? null,
      });
      const status = (body as { status?: unknown } | undefined)?.status;
      return status === 'pending_confirmation' || status === 'queued' ? status : 'subscribed';
    },
  };
}

function toSignupError(status: number, body: unknown): SignupError {
  const error = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | undefined)?.error;
  const code = isSignupErrorCode(error?.code) ? error.code : status >= 500 ? 'upstream_unavailable' : 'invalid_request';
  const message = typeof error?.message === 'string' ? error.message : `The signup service answered ${status}.`;
  const field = typeof error?.field === 'string' ? error.field : undefined;
  return new SignupError(code, message, field === undefined ? { status } : { status, field });
}
