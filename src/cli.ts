#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { listenMock } from './mock/index.js';
import { MOCK_USAGE, mockOptionsFromArgs } from './mock/mock-options-from-args.js';
import { createSignupHandler, startQueueDelivery } from './server/index.js';
import { createNodeFetch, DEFAULT_CONSENT_TEXT, listenSignup, optionsFromEnv, queueFromEnv } from './server/node/index.js';
import type { CommandIo } from './server/node/commands/command-text.js';
import { unknownEnvVariables } from './server/node/env-names.js';
import { whole } from './server/node/env-values.js';
import { jsonLogger, logOnlyJson } from './server/node/json-logger.js';
import { listenFailure, type PortChoice } from './server/node/listen-failure.js';
import { listenMetrics } from './server/node/listen-metrics.js';
import { listenProbes } from './server/node/probe-routes.js';

const USAGE = `Usage: dotdigital-signup <command> [--port N] [--host H]

Commands:
  serve   Run the signup proxy. Reads DOTDIGITAL_API_USER, DOTDIGITAL_API_PASSWORD,
          DOTDIGITAL_REGION or DOTDIGITAL_API_URL, SIGNUP_CONSENT_TEXT (and one per
          locale: SIGNUP_CONSENT_TEXT_DE, …), SIGNUP_PREFERENCE_LABELS_DE, …,
          SIGNUP_DEFAULT_LOCALE, SIGNUP_OPT_IN_TYPE,
          SIGNUP_ALLOWED_ORIGINS, SIGNUP_ADDRESS_BOOK_ID, SIGNUP_PREFERENCES, SIGNUP_FIELDS,
          SIGNUP_TRUSTED_PROXY_HOPS, SIGNUP_CLIENT_IP_HEADER, SIGNUP_RATE_LIMIT,
          SIGNUP_ADDRESS_WRITES_PER_DAY, SIGNUP_ADDRESS_EMAILS_PER_DAY,
          SIGNUP_DEFINITION_CACHE_SECONDS, SIGNUP_REDIS_URL (several instances share
          one Redis) or SIGNUP_QUEUE_FILE (one process), SIGNUP_QUEUE_MAX_ENTRIES,
          SIGNUP_QUEUE_MAX_AGE_HOURS, SIGNUP_QUEUE_INTERVAL_SECONDS,
          SIGNUP_QUEUE_LEASE_SECONDS, SIGNUP_REDIS_MALFORMED_DAYS, SIGNUP_DEAD_LETTER_DAYS,
          SIGNUP_BACKLOG_WARN_MINUTES, SIGNUP_METRICS_PORT (Prometheus text at /metrics),
          PORT (default 3000) and HOST. Answers GET /healthz and /readyz. Logs JSON lines
          on stderr. See README, "Proxy options", "Deploy" and "Operate it".
  worker  Deliver queued signups only: for sites whose proxy runs serverless.
          Reads the same variables as serve; needs SIGNUP_REDIS_URL (or SIGNUP_QUEUE_FILE).
          With --port (or PORT) it answers GET /healthz and /readyz there.
  status  What the queue serve uses holds: queued, due, leased, oldest, bulk imports,
          dead letters, Dotdigital's call budget. Same environment as serve. --json.
  dead-letters
          Signups kept undelivered for a reason not the visitor's. --json; contacts by
          reference unless --show-email.
  requeue Put dead letters back in the queue: --all, or their ids.
  mock    Run the local mock Dotdigital API (default port 4010, or DOTDIGITAL_MOCK_PORT),
          with API user apiuser-demo@apiconnector.com and password demo-password-1.
          \`dotdigital-signup mock --help\` lists its options (region, double opt-in,
          rate limits, latency, suppressed addresses). See README, "Test against the mock".
`;

// The port being listened on, once known: a listen error is then reported as a choice of port.
let portChoice: PortChoice | undefined;
// serve and worker write nothing but JSON lines to stderr; other commands talk to a person.
let jsonOnly = false;
let commandName = '';

// Commands an operator runs beside serve, reading the store it uses; loaded when run, so serve starts no slower.
type OperatorCommand = (args: string[], env: typeof process.env, io: CommandIo) => Promise<number>;
const OPERATOR_COMMANDS: Record<string, () => Promise<OperatorCommand>> = {
  status: async () => (await import('./server/node/commands/status-command.js')).statusCommand,
  'dead-letters': async () => (await import('./server/node/commands/dead-letter-commands.js')).deadLettersCommand,
  requeue: async () => (await import('./server/node/commands/dead-letter-commands.js')).requeueCommand,
};
const io: CommandIo = { out: (text) => void process.stdout.write(text), err: (text) => void process.stderr.write(text) };

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'mock') return runMock(argv.slice(1));
  const operator = argv[0] === undefined ? undefined : OPERATOR_COMMANDS[argv[0]];
  if (operator) {
    commandName = ` ${argv[0]}`;
    return (await operator())(argv.slice(1), process.env, io);
  }
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
  if (command === 'serve' || command === 'worker') {
    jsonOnly = true;
    logOnlyJson();
    // A mistyped variable (SIGNUP_REDIS for SIGNUP_REDIS_URL) would otherwise turn a setting off quietly.
    for (const warning of unknownEnvVariables(process.env)) jsonLogger.warn(warning);
  }
  if (command === 'serve') return serve(values);
  if (command === 'worker') return worker(values);
  process.stderr.write(`dotdigital-signup: unknown command "${command}".\n\n${USAGE}`);
  return 1;
}

/** `SIGNUP_METRICS_PORT`: Prometheus text at /metrics on a port of its own (0: any free one). */
async function startMetrics(host: string | undefined) {
  const port = whole(process.env, 'SIGNUP_METRICS_PORT', 0);
  if (port === undefined) return undefined;
  portChoice = { port, variable: 'SIGNUP_METRICS_PORT', command: `npx dotdigital-signup ${commandName.trim() || 'serve'}` };
  return listenMetrics({ port, ...(host ? { host } : {}) });
}

async function serve(values: { port?: string | undefined; host?: string | undefined }): Promise<number> {
  commandName = ' serve';
  const options = optionsFromEnv(process.env);
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const host = values.host ?? process.env.HOST;
  const queued = await queueFromEnv(process.env, jsonLogger, options.rateLimit);
  const metrics = await startMetrics(host).catch(async (error: unknown) => {
    await queued?.close();
    throw error;
  });
  portChoice = { port, variable: 'PORT', command: 'npx dotdigital-signup serve', flag: '--port' };
  const meter = metrics ? { meterProvider: metrics.meterProvider } : {};
  const { url, close } = await listenSignup({ ...options, ...queued?.options, ...meter, logger: jsonLogger }, { port, ...(host ? { host } : {}), ...(queued ? { deliverEveryMs: queued.intervalMs } : {}) }).catch(async (error: unknown) => {
    await queued?.close(); // release the queue (file lock, Redis connection): the next start should not have to take it over
    await metrics?.close();
    throw error;
  });
  process.stdout.write(`Signup proxy listening on ${url}${queued ? ` (queueing signups in ${queued.where} while Dotdigital is unavailable)` : ''}\n`);
  if (metrics) process.stdout.write(`Metrics (Prometheus text) on ${metrics.url}\n`);
  // Containers stop with SIGTERM: finish the signups in flight, release the queue, then exit.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void close().then(() => queued?.close()).then(() => metrics?.close()).then(() => process.exit(0)));
  const origins = options.allowedOrigins ?? [];
  // Which pages may sign people up, said where the operator looks first.
  process.stdout.write(origins.length > 0
    ? `Accepting signups from pages on ${origins.join(', ')} (SIGNUP_ALLOWED_ORIGINS)\n`
    : 'Accepting signups only from pages on this proxy\'s own origin: set SIGNUP_ALLOWED_ORIGINS to the site(s) whose pages carry the form if it is on another (README, "Security notes")\n');
  // The consent record is a legal record: a statement nobody chose should not go unnoticed.
  if (typeof options.consentText === 'string' ? options.consentText === DEFAULT_CONSENT_TEXT : Object.values(options.consentText).includes(DEFAULT_CONSENT_TEXT)) {
    jsonLogger.warn('SIGNUP_CONSENT_TEXT is not set, so the form shows and records a generic consent statement. Set it to the wording your privacy notice uses (README, "Proxy options").');
  }
  return -1;
}

// Delivery without HTTP: the proxy itself runs elsewhere (serverless) and queues into the same store.
async function worker(values: { port?: string | undefined; host?: string | undefined }): Promise<number> {
  commandName = ' worker';
  const options = optionsFromEnv(process.env);
  const queued = await queueFromEnv(process.env, jsonLogger, options.rateLimit);
  if (!queued) throw new Error('worker needs a queue to deliver from: set SIGNUP_REDIS_URL to the Redis your proxies queue into (see README, "Deploy").');
  const host = values.host ?? process.env.HOST;
  const metrics = await startMetrics(host).catch(async (error: unknown) => {
    await queued.close();
    throw error;
  });
  const handler = createSignupHandler({ ...options, ...queued.options, logger: jsonLogger, fetch: createNodeFetch(), ...(metrics ? { meterProvider: metrics.meterProvider } : {}) });
  const stop = startQueueDelivery(handler, { intervalMs: queued.intervalMs, logger: jsonLogger });
  const probePort = values.port ?? process.env.PORT;
  if (probePort !== undefined) portChoice = { port: Number(probePort), variable: 'PORT', command: 'npx dotdigital-signup worker', flag: '--port' };
  const probes = probePort === undefined ? undefined : await listenProbes(() => handler.readiness(), { port: Number(probePort), ...(host ? { host } : {}) });
  // The delivery timer does not hold the process open by itself: this one does, until a signal.
  const alive = setInterval(() => undefined, 1 << 30);
  process.stdout.write(`Signup queue worker delivering from ${queued.where} every ${queued.intervalMs / 1000} s${probes ? `; probes on ${probes.url}/healthz and /readyz` : ''}\n`);
  if (metrics) process.stdout.write(`Metrics (Prometheus text) on ${metrics.url}\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop().then(() => probes?.close()).then(() => queued.close()).then(() => metrics?.close()).then(() => (clearInterval(alive), process.exit(0))));
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
    const message = (portChoice && listenFailure(error, portChoice)) ?? error.message;
    if (jsonOnly) jsonLogger.error(message);
    else process.stderr.write(`dotdigital-signup${commandName}: ${message}\n`);
    process.exitCode = 1;
  },
);
