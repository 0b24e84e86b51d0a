#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { listenMock } from './mock/index.js';
import { MOCK_USAGE, mockOptionsFromArgs } from './mock/mock-options-from-args.js';
import { listenSignup, optionsFromEnv } from './server/node/index.js';

const USAGE = `Usage: dotdigital-signup <command> [--port N] [--host H]

Commands:
  serve   Run the signup proxy. Reads DOTDIGITAL_API_USER, DOTDIGITAL_API_PASSWORD,
          DOTDIGITAL_API_URL, SIGNUP_CONSENT_TEXT, SIGNUP_OPT_IN_TYPE,
          SIGNUP_ALLOWED_ORIGINS and PORT (default 3000). See README, "Proxy options".
  mock    Run the local mock Dotdigital API (default port 4010, or DOTDIGITAL_MOCK_PORT),
          with API user apiuser-demo@apiconnector.com and password demo-password-1.
          \`dotdigital-signup mock --help\` lists its options (region, double opt-in,
          rate limits, latency, suppressed addresses). See README, "Test against the mock".
`;

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
  if (command === 'serve') {
    const port = Number(values.port ?? process.env.PORT ?? 3000);
    const { url } = await listenSignup(optionsFromEnv(process.env), { port, ...(values.host ? { host: values.host } : {}) });
    process.stdout.write(`Signup proxy listening on ${url}\n`);
    return -1;
  }
  process.stderr.write(`dotdigital-signup: unknown command "${command}".\n\n${USAGE}`);
  return 1;
}

// The mock has flags of its own, so it reads its command line itself.
async function runMock(args: string[]): Promise<number> {
  const options = mockOptionsFromArgs(args, process.env);
  if (options.help) {
    process.stdout.write(MOCK_USAGE);
    return 0;
  }
  const { url } = await listenMock(options);
  process.stdout.write(`Mock Dotdigital API on ${url} (open it in a browser to see what it received)\n`);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`dotdigital-signup: ${error.message}\n`);
    process.exitCode = 1;
  },
);
