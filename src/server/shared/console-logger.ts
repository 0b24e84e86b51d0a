import type { SignupLogger } from './signup-logger.js';

/**
 * The logger a handler uses when given none: warnings and errors go to the console, so a wrong
 * API password, a refused origin or an outage reaches the server's log (README's snippets pass
 * no logger, and its troubleshooting says "see the proxy's log"). Each line is prefixed so it can
 * be found among an app's own. Info lines (one per signup) are left out: they are for a logger
 * you choose. `logger: false` silences everything.
 *
 * @example
 * const logger = consoleLogger(console);
 * logger.warn('Refused a signup', { origin: 'https://evil.example' });
 * // console.warn('[dotdigital-signup] Refused a signup', { origin: 'https://evil.example' })
 */
export function consoleLogger(out: Pick<Console, 'warn' | 'error'>): SignupLogger {
  const line = (level: 'warn' | 'error') => (message: string, details?: Record<string, unknown>) => {
    // Called through `out` each time, so a console swapped or spied on later is honoured.
    if (details && Object.keys(details).length > 0) out[level](`[dotdigital-signup] ${message}`, details);
    else out[level](`[dotdigital-signup] ${message}`);
  };
  return { info: () => undefined, warn: line('warn'), error: line('error') };
}
