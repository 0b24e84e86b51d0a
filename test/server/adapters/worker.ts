// What README shows for Workers-style runtimes (Cloudflare Workers, Deno, Bun): a `fetch`
// export. Secrets arrive in `env`, so the handler is made on the first request.
import { createSignupHandler, type SignupHandler } from '../../../src/server/index.js';

interface Env { DOTDIGITAL_API_USER: string; DOTDIGITAL_API_PASSWORD: string } // your secrets
interface Env { DOTDIGITAL_API_URL?: string } // (the tests' own: the mock's URL)

let handler: SignupHandler | undefined;

export default {
  fetch(request: Request, env: Env) {
    handler ??= createSignupHandler({
      apiUser: env.DOTDIGITAL_API_USER,
      apiPassword: env.DOTDIGITAL_API_PASSWORD,
      ...(env.DOTDIGITAL_API_URL ? { apiUrl: env.DOTDIGITAL_API_URL } : {}),
      consentText: 'Yes, send me the monthly newsletter. I can unsubscribe at any time.',
      allowedOrigins: ['https://www.example.com'],
      clientIp: 'cloudflare', // CF-Connecting-IP: Cloudflare sets it and overwrites any the visitor sends
    });
    return handler(request);
  },
};
