// What README shows for Next.js (app router): app/api/signup/route.ts. Environment
// variables are read here, in the adapter; the handler itself takes options.
import { createSignupHandler } from '../../../src/server/index.js';

const handler = createSignupHandler({
  apiUser: process.env.DOTDIGITAL_API_USER!,
  apiPassword: process.env.DOTDIGITAL_API_PASSWORD!,
  ...(process.env.DOTDIGITAL_API_URL ? { apiUrl: process.env.DOTDIGITAL_API_URL } : {}),
  consentText: 'Yes, send me the monthly newsletter. I can unsubscribe at any time.',
  allowedOrigins: ['https://www.example.com'],
  clientIp: 'vercel', // where the visitor's IP comes from: see "Client IP by platform" (self-hosted: not this)
});

export const dynamic = 'force-dynamic'; // the handler caches the definition itself
export { handler as GET, handler as HEAD, handler as POST, handler as OPTIONS };
