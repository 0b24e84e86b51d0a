// `npm start`: the demo site, the signup proxy and (without real credentials) the mock
// Dotdigital API, in one process. This file is an adapter, so it reads the environment.
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../mock/index.js';
import { createMemoryCallBudget, createMemorySignupQueue, createSignupHandler, startQueueDelivery } from '../server/index.js';
import { createNodeFetch, optionsFromEnv, queueFromEnv } from '../server/node/index.js';
import { unknownEnvVariables } from '../server/node/env-names.js';
import { listenFailure, type PortChoice } from '../server/node/listen-failure.js';
import { maskUrl } from '../server/shared/mask-url.js';
import { createDemoApp } from './create-demo-app.js';
import { withDemoLanguages } from './demo-languages.js';
import { createRefusalLog } from './refusal-log.js';

// A port someone else has is a choice to make, not a crash: one line saying which, and how.
function exitWith(error: unknown, choice: PortChoice): never {
  process.stderr.write(`${listenFailure(error, choice) ?? (error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  process.exit(1);
}

const env = process.env;
// The demo takes serve's variables: a mistyped one is named, not ignored quietly.
for (const warning of unknownEnvVariables(env)) console.warn(`Warning: ${warning}`);
const port = Number(env.PORT ?? 3000);
const real = Boolean(env.DOTDIGITAL_API_USER && env.DOTDIGITAL_API_PASSWORD);
// Without real credentials the proxy talks to the mock, started here.
const mockPort = Number(env.DOTDIGITAL_MOCK_PORT ?? 4010);
const apiUrl = real ? env.DOTDIGITAL_API_URL : (await listenMock({ port: mockPort }).catch((error: unknown) => exitWith(error, { port: mockPort, variable: 'DOTDIGITAL_MOCK_PORT', command: 'npm start' }))).url;
// The demo pages are served by this same server, so the proxy's default (its own origin only)
// fits; a list from SIGNUP_ALLOWED_ORIGINS gets the demo's own origins added.
const demoOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`];
const fromEnv = optionsFromEnv({
  ...withDemoLanguages(env, { mock: !real }),
  DOTDIGITAL_API_USER: real ? env.DOTDIGITAL_API_USER : DEMO_API_USER,
  DOTDIGITAL_API_PASSWORD: real ? env.DOTDIGITAL_API_PASSWORD : DEMO_API_PASSWORD,
  DOTDIGITAL_API_URL: apiUrl,
});
// Signups Dotdigital cannot take wait in a queue: SIGNUP_QUEUE_FILE's, else one in memory. The
// demo retries every 2 s (not 30 s) so a person who ends the mock's outage sees them arrive.
const queued = await queueFromEnv(env, console);
// The proxy's log, with bot defense's refusal tally kept for /bot-defense.html.
const refusals = createRefusalLog(console);
const handler = createSignupHandler({
  ...fromEnv,
  // SIGNUP_REDIS_URL's stores, else a queue in memory; the budget probes an outage every 3 s (not
  // 15 s), so a person who ends the mock's outage soon sees it noticed.
  ...(queued?.options.stores?.queue ? {} : { queue: queued?.options.queue ?? createMemorySignupQueue() }),
  stores: { budget: createMemoryCallBudget({ probeEveryMs: 3_000 }), ...queued?.options.stores },
  queueDelivery: { baseDelayMs: 2_000, maxDelayMs: 60_000, ...queued?.options.queueDelivery },
  allowedOrigins: fromEnv.allowedOrigins?.length ? [...demoOrigins, ...fromEnv.allowedOrigins] : [],
  // Generous for people clicking around and for the browser tests, which all come from one address.
  rateLimit: queued?.options.stores?.ipLimiter ? queued.options.rateLimit : (fromEnv.rateLimit ?? { max: 240, windowMs: 60_000 }),
  fetch: createNodeFetch(),
  logger: refusals.logger,
});
startQueueDelivery(handler, { intervalMs: queued && env.SIGNUP_QUEUE_INTERVAL_SECONDS ? queued.intervalMs : 2_000, logger: console });
const app = createDemoApp(handler, { refusals });
const server = createServer(getRequestListener(app.fetch));
server.once('error', (error) => exitWith(error, { port, variable: 'PORT', command: 'npm start' }));
server.listen(port, () => {
  console.log(`Demo site and signup proxy: http://localhost:${port}  (proxy at /api/signup, React page at /react.html, refused signups at /bot-defense.html)`);
  console.log(real ? `Dotdigital API:              ${maskUrl(apiUrl ?? 'https://r1-api.dotdigital.com')}` : `Mock Dotdigital API:         ${apiUrl}  (open it to see what Dotdigital received, or to simulate an outage)`);
  console.log(`Signup queue:                ${queued ? queued.where : 'in memory (set SIGNUP_QUEUE_FILE to keep it across restarts)'}`);
});
// Release the queue file's lock on the way out, so the next start need not take it over.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void (queued?.close() ?? Promise.resolve()).finally(() => process.exit(0)));
