import { errorResponse } from './json-response.js';
import { handleGet } from './handle-get.js';
import { handlePost } from './handle-post.js';
import { resolveOptions } from './resolve-options.js';
import type { SignupHandlerOptions } from './signup-handler-options.js';
import { createSignupRuntime } from './signup-runtime.js';
import { upstreamFailure } from './upstream-failure.js';

/** What the hosting adapter knows about the connection. */
export interface SignupRequestContext {
  /** The peer address of the socket (the Node adapter fills it; on Workers pass `cf-connecting-ip`). */
  clientAddress?: string | undefined;
}

/** The proxy: a Web-standard handler for `GET`, `HEAD`, `POST` and `OPTIONS` on the signup endpoint. */
export type SignupHandler = (request: Request, context?: SignupRequestContext) => Promise<Response>;

/**
 * Creates the signup proxy. It answers the form definition on `GET` and signs a visitor
 * up on `POST`, talking to Dotdigital with credentials the browser never sees. Options are
 * checked now, so a misconfigured proxy fails at start-up with a message saying what to fix.
 *
 * @example
 * const handler = createSignupHandler({
 *   apiUser: process.env.DOTDIGITAL_API_USER!, apiPassword: process.env.DOTDIGITAL_API_PASSWORD!,
 *   consentText: 'Yes, send me the monthly newsletter. I can unsubscribe at any time.',
 *   allowedOrigins: ['https://www.example.com'],
 * });
 * export const GET = (request: Request) => handler(request); // Next.js route handler
 */
export function createSignupHandler(options: SignupHandlerOptions): SignupHandler {
  const runtime = createSignupRuntime(resolveOptions(options));
  const { policy, options: resolved } = runtime;

  return async function signupHandler(request, context = {}) {
    const origin = request.headers.get('origin');
    let response: Response;
    try {
      if (request.method === 'GET' || request.method === 'HEAD') response = await handleGet(runtime, request);
      else if (request.method === 'POST') response = await handlePost(runtime, request, context?.clientAddress);
      else if (request.method === 'OPTIONS') return policy.preflight(request);
      else {
        response = errorResponse(405, 'method_not_allowed', `${request.method.slice(0, 20)} is not allowed here; use GET or POST.`, undefined, {
          allow: 'GET, HEAD, POST, OPTIONS',
        });
      }
    } catch (error) {
      response = upstreamFailure(error, resolved.logger);
    }
    for (const [name, value] of Object.entries(policy.corsHeaders(origin))) response.headers.set(name, value);
    return response;
  };
}
