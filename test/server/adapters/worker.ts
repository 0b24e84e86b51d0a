// A Cloudflare Worker (or any runtime with a `fetch` export: Deno, Bun), exactly as README
// shows it, with the package's import swapped for the source.
import { createSignupHandler, type SignupHandler } from '../../../src/server/index.js';

interface Env {
  DOTDIGITAL_API_USER: string;
  DOTDIGITAL_API_PASSWORD: string;
  DOTDIGITAL_API_URL: string;
}

let handler: SignupHandler | undefined;

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    handler ??= createSignupHandler({
      apiUser: env.DOTDIGITAL_API_USER,
      apiPassword: env.DOTDIGITAL_API_PASSWORD,
      apiUrl: env.DOTDIGITAL_API_URL,
      consentText: 'Yes, send me the monthly newsletter. I can unsubscribe at any time.',
      allowedOrigins: ['https://www.example.com'],
      trustedProxyHops: 1,
      clientIpHeader: 'cf-connecting-ip', // set by Cloudflare to the visitor's address
    });
    return handler(request);
  },
};
