#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { listenMock } from './mock/index.js';
import { MOCK_USAGE, mockOptionsFromArgs } from './mock/mock-options-from-args.js';
import { createSignupHandler, startQueueDelivery } from './server/index.js';
import { createNodeFetch, listenSignup, optionsFromEnv, queueFromEnv } from './server/node/index.js';
import { unknownEnvVariables } from './server/node/env-names.js';
import { listenFailure, type PortChoice } from './server/node/listen-failure.js';

const USAGE = `Usage: dotdigital-signup <command> [--port N] [--host H]

Commands:
  serve   Run the signup proxy. Reads DOTDIGITAL_API_USER, DOTDIGITAL_API_PASSWORD,
          DOTDIGITAL_REGION or DOTDIGITAL_API_URL, SIGNUP_CONSENT_TEXT, SIGNUP_OPT_IN_TYPE,
          SIGNUP_ALLOWED_ORIGINS, SIGNUP_ADDRESS_BOOK_ID, SIGNUP_PREFERENCES, SIGNUP_FIELDS,
          SIGNUP_TRUSTED_PROXY_HOPS, SIGNUP_CLIENT_IP_HEADER, SIGNUP_RATE_LIMIT,
          SIGNUP_DEFINITION_CACHE_SECONDS, SIGNUP_REDIS_URL (several instances share
          one Redis) or SIGNUP_QUEUE_FILE (one process), SIGNUP_QUEUE_MAX_ENTRIES,
          SIGNUP_QUEUE_MAX_AGE_HOURS, SIGNUP_QUEUE_INTERVAL_SECONDS,
          SIGNUP_QUEUE_LEASE_SECONDS, PORT (default 3000)
          and HOST.
          See README, "Proxy options" and "Deploy".
  worker  Deliver queued signups only, no HTTP: for sites whose proxy runs serverless.
          Reads the same variables as serve; needs SIGNUP_REDIS_URL (or SIGNUP_QUEUE_FILE).
  mock    Run the local mock Dotdigital API (default port 4010, or DOTDIGITAL_MOCK_PORT),
          with API user apiuser-demo@apiconnector.com and password demo-password-1.
          \`dotdigital-signup mock --help\` lists its options (region, double opt-in,
          rate limits, latency, suppressed addresses). See README, "Test against the mock".
`;

// One JSON object a line on stderr: what log collectors expect. Never holds addresses or credentials.
const line = (level: string) => (message: string, details?: Record<string, unknown>) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...details })}\n`);
};
const jsonLogger = { info: line('info'), warn: line('warn'), error: line('error') };

// The port being listened on, once known: a listen error is then reported as a choice of port.
let portChoice: PortChoice | undefined;

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'mock') return runMock(argv.slice(1));
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 1;
  }
  // A mistyped variable (SIGNUP_REDIS for SIGNUP_REDIS_URL) would otherwise turn a setting off quietly.
  if (command === 'serve' || command === 'worker') for (const warning of unknownEnvVariables(process.env)) jsonLogger.warn(warning);
  if (command === 'serve') return serve(values);
  if (command === 'worker') return worker();
  process.stderr.write(`dotdigital-signup: unknown command "${command}".\n\n${USAGE}`);
  return 1;
}

async function serve(values: { port?: string | undefined; host?: string | undefined }): Promise<number> {
  const options = optionsFromEnv(process.env);
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const host = values.host ?? process.env.HOST;
  const queued = await queueFromEnv(process.env, jsonLogger, options.rateLimit);
  portChoice = { port, variable: 'PORT', command: 'npx dotdigital-signup serve', flag: '--port' };
  const { url, close } = await listenSignup({ ...options, ...queued?.options, logger: jsonLogger }, { port, ...(host ? { host } : {}), ...(queued ? { deliverEveryMs: queued.intervalMs } : {}) }).catch(async (error: unknown) => {
    await queued?.close(); // release the queue (file lock, Redis connection): the next start should not have to take it over
    throw error;
  });
  process.stdout.write(`Signup proxy listening on ${url}${queued ? ` (queueing signups in ${queued.where} while Dotdigital is unavailable)` : ''}\n`);
  // Containers stop with SIGTERM: finish the signups in flight, release the queue, then exit.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void close().then(() => queued?.close()).then(() => process.exit(0)));
  if ((options.allowedOrigins ?? []).length === 0) {
    process.stderr.write('Warning: SIGNUP_ALLOWED_ORIGINS is not set, so only pages on this same origin can use the form and POSTs are taken from anywhere. Set it to your site\'s origins (README, "Security notes").\n');
  }
  // The consent record is a legal record: a statement nobody chose should not go unnoticed.
  if (!process.env.SIGNUP_CONSENT_TEXT) {
    process.stderr.write('Warning: SIGNUP_CONSENT_TEXT is not set, so the form shows and records a generic consent statement. Set it to the wording your privacy notice uses (README, "Proxy options").\n');
  }
  return -1;
}

// Delivery without HTTP: the proxy itself runs elsewhere (serverless) and queues into the same store.
async function worker(): Promise<number> {
  const options = optionsFromEnv(process.env);
  const queued = await queueFromEnv(process.env, jsonLogger, options.rateLimit);
  if (!queued) throw new Error('worker needs a queue to deliver from: set SIGNUP_REDIS_URL to the Redis your proxies queue into (see README, "Deploy").');
  const handler = createSignupHandler({ ...options, ...queued.options, logger: jsonLogger, fetch: createNodeFetch() });
  const stop = startQueueDelivery(handler, { intervalMs: queued.intervalMs, logger: jsonLogger });
  // The delivery timer does not hold the process open by itself: this one does, until a signal.
  const alive = setInterval(() => undefined, 1 << 30);
  process.stdout.write(`Signup queue worker delivering from ${queued.where} every ${queued.intervalMs / 1000} s\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop().then(() => queued.close()).then(() => (clearInterval(alive), process.exit(0))));
  }
  return -1;
}

// The mock has flags of its own, so it reads its command line itself.
async function runMock(args: string[]): Promise<number> {
  const options = mockOptionsFromArgs(args, process.env);
  if (options.help) {
    process.stdout.write(MOCK_USAGE);
    return 0;
  }
  portChoice = { port: options.port ?? 4010, variable: 'DOTDIGITAL_MOCK_PORT', command: 'npx dotdigital-signup mock', flag: '--port' };
  const { url } = await listenMock(options);
  process.stdout.write(`Mock Dotdigital API on ${url} (open it in a browser to see what it received)\n`);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`dotdigital-signup: ${(portChoice && listenFailure(error, portChoice)) ?? error.message}\n`);
    process.exitCode = 1;
  },
);
