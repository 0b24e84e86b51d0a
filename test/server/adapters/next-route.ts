// app/api/signup/route.ts in a Next.js app (App Router), exactly as README shows it, with
// the package's import swapped for the source. Next.js itself is not installed here: the
// adapter test serves these exports the way Next's router does, one function per method.
import { createSignupHandler } from '../../../src/server/index.js';

const handler = createSignupHandler({
  apiUser: process.env.DOTDIGITAL_API_USER!,
  apiPassword: process.env.DOTDIGITAL_API_PASSWORD!,
  apiUrl: process.env.DOTDIGITAL_API_URL!,
  consentText: 'Yes, send me the monthly newsletter. I can unsubscribe at any time.',
  allowedOrigins: ['https://www.example.com'],
  trustedProxyHops: 1, // Vercel puts the visitor's address in x-forwarded-for
});

export const GET = (request: Request) => handler(request);
export const HEAD = GET;
export const POST = GET;
export const OPTIONS = GET;
