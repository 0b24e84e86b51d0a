#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { listenMock } from './mock/index.js';
import { listenSignup, optionsFromEnv } from './server/node/index.js';

const USAGE = `Usage: dotdigital-signup <command> [--port N] [--host H]

Commands:
  serve   Run the signup proxy. Reads DOTDIGITAL_API_USER, DOTDIGITAL_API_PASSWORD,
          DOTDIGITAL_API_URL, SIGNUP_CONSENT_TEXT, SIGNUP_OPT_IN_TYPE,
          SIGNUP_ALLOWED_ORIGINS, SIGNUP_ADDRESS_BOOK_ID, SIGNUP_PREFERENCES,
          SIGNUP_FIELDS, SIGNUP_TRUSTED_PROXY_HOPS, SIGNUP_CLIENT_IP_HEADER,
          SIGNUP_RATE_LIMIT, SIGNUP_DEFINITION_CACHE_SECONDS, PORT (default 3000)
          and HOST. See README, "Proxy options".
  mock    Run the local mock Dotdigital API (default port 4010, or DOTDIGITAL_MOCK_PORT),
          with API user apiuser-demo@apiconnector.com and password demo-password-1.
`;

async function main(argv: string[]): Promise<number> {
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
    const host = values.host ?? process.env.HOST;
    const options = { ...optionsFromEnv(process.env), logger: console };
    const { url } = await listenSignup(options, { port, ...(host ? { host } : {}) });
    const note = options.allowedOrigins?.length
      ? ''
      : 'Note: SIGNUP_ALLOWED_ORIGINS is not set, so only pages on this origin can use the proxy (no CORS) and POSTs are not checked by Origin.\n';
    process.stdout.write(`${note}Signup proxy listening on ${url}\n`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
    return -1;
  }
  if (command === 'mock') {
    const port = Number(values.port ?? process.env.DOTDIGITAL_MOCK_PORT ?? 4010);
    const { url } = await listenMock({ port, host: values.host ?? '127.0.0.1' });
    process.stdout.write(`Mock Dotdigital API on ${url} (open it in a browser to see what it received)\n`);
    return -1;
  }
  process.stderr.write(`dotdigital-signup: unknown command "${command}".\n\n${USAGE}`);
  return 1;
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
