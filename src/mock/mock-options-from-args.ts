import { parseArgs } from 'node:util';
import type { MockDotdigitalOptions } from './account/mock-options.js';

/** The `dotdigital-signup mock` flags, for its `--help`. */
export const MOCK_USAGE = `Usage: dotdigital-signup mock [options]

Runs the local mock Dotdigital API (API user apiuser-demo@apiconnector.com, password
demo-password-1). Open its URL in a browser to see what it received.

Options:
  --port N               port (default DOTDIGITAL_MOCK_PORT, else 4010; 0 picks a free one)
  --host H               address to listen on (default 127.0.0.1)
  --region rN            play an account in region rN: calls to another region's host answer 403
  --double-opt-in        force double opt-in for every API signup (confirmation emails in the outbox)
  --rate-limit N         allow N calls a minute, then answer 429 with X-RateLimit-* headers
  --hourly-cap N         allow N calls an hour, then answer 400 ERROR_APIUSAGE_EXCEEDED
  --latency MS           delay every API answer by MS milliseconds
  --suppressed EMAIL     put EMAIL on the suppression list (repeatable)
  --keep-suppressed      answer writes to suppressed contacts 2xx with their status kept
  --hard-bounced EMAIL   make EMAIL a hard-bounced contact (repeatable)
  --complained EMAIL     make EMAIL a contact who complained (repeatable)
  --import-processing MS keep each v3 import NotFinished for MS milliseconds (default 1000)
  --imports-without-opt-in-email
                         play an account whose imports send no double opt-in email
  --import-body-limit B  answer an import body over B bytes 413 contacts:requestTooLarge (default 50 MB)
  --challenge-limit N    send at most N resubscribe challenge emails per contact a day (default 3)
`;

const positive = (name: string, value: string | undefined, min = 1): number | undefined => {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new TypeError(`--${name} must be a whole number of at least ${min}, not "${value}".`);
  return number;
};

/**
 * Reads the `dotdigital-signup mock` command line into `listenMock` options.
 * Throws a `TypeError` that names the bad flag.
 *
 * @example
 * const options = mockOptionsFromArgs(['--port', '4010', '--double-opt-in'], process.env);
 * await listenMock(options);
 */
export function mockOptionsFromArgs(
  args: string[],
  env: Record<string, string | undefined> = {},
): MockDotdigitalOptions & { port: number; host: string; help: boolean } {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, region: { type: 'string' },
      'double-opt-in': { type: 'boolean' }, 'rate-limit': { type: 'string' }, 'hourly-cap': { type: 'string' },
      latency: { type: 'string' }, suppressed: { type: 'string', multiple: true }, 'keep-suppressed': { type: 'boolean' },
      'hard-bounced': { type: 'string', multiple: true }, complained: { type: 'string', multiple: true },
      'import-processing': { type: 'string' }, 'imports-without-opt-in-email': { type: 'boolean' }, 'challenge-limit': { type: 'string' },
      'import-body-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.region !== undefined && !/^r\d+$/.test(values.region)) throw new TypeError(`--region must look like r1, r2 or r3, not "${values.region}".`);
  const perMinute = positive('rate-limit', values['rate-limit']);
  const hourlyCap = positive('hourly-cap', values['hourly-cap']);
  const latencyMs = positive('latency', values.latency, 0);
  const importProcessingMs = positive('import-processing', values['import-processing'], 0);
  const challenges = positive('challenge-limit', values['challenge-limit'], 0);
  const importBodyLimitBytes = positive('import-body-limit', values['import-body-limit']);
  return {
    port: positive('port', values.port ?? env.DOTDIGITAL_MOCK_PORT ?? '4010', 0)!,
    host: values.host ?? '127.0.0.1',
    help: values.help ?? false,
    ...(values.region ? { region: values.region as `r${number}` } : {}),
    ...(values['double-opt-in'] ? { forceDoubleOptIn: true } : {}),
    ...(perMinute ? { rateLimit: { perMinute } } : {}),
    ...(hourlyCap ? { hourlyCap } : {}),
    ...(latencyMs ? { latencyMs } : {}),
    ...(values.suppressed ? { suppressed: values.suppressed } : {}),
    ...(values['keep-suppressed'] ? { suppressedWrites: 'keep-status' as const } : {}),
    ...(values['hard-bounced'] ? { hardBounced: values['hard-bounced'] } : {}),
    ...(values.complained ? { complained: values.complained } : {}),
    ...(importProcessingMs !== undefined ? { importProcessingMs } : {}),
    ...(values['imports-without-opt-in-email'] ? { importsSendOptInEmail: false } : {}),
    ...(importBodyLimitBytes ? { importBodyLimitBytes } : {}),
    ...(challenges !== undefined ? { resubscribeChallengeLimit: { max: challenges, windowMs: 86_400_000 } } : {}),
  };
}
