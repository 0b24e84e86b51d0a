// `npm start`: the demo site, the signup proxy and (without real credentials) the mock
// Dotdigital API, in one process. This file is an adapter, so it reads the environment.
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../mock/index.js';
import { createSignupHandler } from '../server/index.js';
import { createNodeFetch, DEFAULT_CONSENT_TEXT } from '../server/node/index.js';
import { createDemoApp } from './create-demo-app.js';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const real = Boolean(env.DOTDIGITAL_API_USER && env.DOTDIGITAL_API_PASSWORD);
let apiUrl = env.DOTDIGITAL_API_URL;
let mockUrl: string | undefined;
if (!real) {
  const mock = await listenMock({ port: Number(env.DOTDIGITAL_MOCK_PORT ?? 4010) });
  apiUrl = mock.url;
  mockUrl = mock.url;
}
const handler = createSignupHandler({
  apiUser: real ? env.DOTDIGITAL_API_USER! : DEMO_API_USER,
  apiPassword: real ? env.DOTDIGITAL_API_PASSWORD! : DEMO_API_PASSWORD,
  ...(apiUrl ? { apiUrl } : {}),
  consentText: env.SIGNUP_CONSENT_TEXT || DEFAULT_CONSENT_TEXT,
  optInType: env.SIGNUP_OPT_IN_TYPE === 'VerifiedDouble' ? 'VerifiedDouble' : 'Single',
  // The demo's own pages, however the browser names the loopback host: a real site lists its origins.
  allowedOrigins: ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${port}`),
  // Everyone trying the demo (and every browser test) comes from the same loopback address.
  rateLimit: { limit: 600, windowMs: 60_000 },
  fetch: createNodeFetch(),
  logger: console,
});
const app = createDemoApp(handler);
const server = createServer(getRequestListener(app.fetch));
server.listen(port, () => {
  console.log(`Demo site and signup proxy: http://localhost:${port}  (proxy at /api/signup, React page at /react.html)`);
  console.log(mockUrl ? `Mock Dotdigital API:         ${mockUrl}  (open it to see what Dotdigital received)` : `Dotdigital API:              ${apiUrl ?? 'https://r1-api.dotdigital.com'}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
