// What README shows for Next.js on a serverless host ("Deploy"): app/api/signup/signup-handler.ts.
import { createSignupHandler } from '../../../../src/server/index.js';
import { createRedisStores } from '../../../../src/server/stores/redis/index.js';

export const handler = createSignupHandler({
  apiUser: process.env.DOTDIGITAL_API_USER!,
  apiPassword: process.env.DOTDIGITAL_API_PASSWORD!,
  ...(process.env.DOTDIGITAL_API_URL ? { apiUrl: process.env.DOTDIGITAL_API_URL } : {}),
  consentText: 'Yes, send me the monthly newsletter. I can unsubscribe at any time.',
  allowedOrigins: ['https://www.example.com'],
  trustedProxyHops: 1,
  // Connects on first use and reconnects by itself: nothing to await, no Redis needed to build or start.
  stores: createRedisStores({ redis: process.env.SIGNUP_REDIS_URL! }),
});
