/**
 * Minimal logger; `console` fits. Never receives plain email addresses or credentials.
 *
 * @example
 * const logger: SignupLogger = console;
 * logger.warn('Dotdigital unavailable: signup queued for later delivery', { contact: 'e:5f1c…' });
 */
export interface SignupLogger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}
