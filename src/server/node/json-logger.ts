import type { SignupLogger } from '../shared/signup-logger.js';

const line = (level: 'info' | 'warn' | 'error') => (message: string, details?: Record<string, unknown>) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...details })}\n`);
};

/**
 * The logger of `serve` and `worker`: one JSON object a line on stderr, what log collectors
 * expect. The proxy never gives it addresses or credentials.
 *
 * @example
 * jsonLogger.warn('SIGNUP_ALLOWED_ORIGINS is not set'); // {"time":"…","level":"warn","message":"SIGNUP_ALLOWED_ORIGINS is not set"}
 */
export const jsonLogger: SignupLogger = { info: line('info'), warn: line('warn'), error: line('error') };

/**
 * Makes Node's own warnings, and a crash, JSON lines too: a collector reading JSON lines must
 * never meet plain text from a process that promised it none.
 *
 * @example
 * logOnlyJson(); // then process.emitWarning('x') writes {"level":"warn","message":"x",…}
 */
export function logOnlyJson(): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => jsonLogger.warn(warning.message, { warning: warning.name }));
  const crash = (error: unknown) => {
    jsonLogger.error('dotdigital-signup stopped on an unexpected error (a bug: please report it with this line)', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  };
  process.on('uncaughtException', crash).on('unhandledRejection', crash);
}
