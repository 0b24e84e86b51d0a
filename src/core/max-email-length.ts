// Its own module, free of zod, so the widget checks the same limit as the proxy without
// importing signup-request.ts (whose module-level schemas a bundler would keep).

/**
 * The longest address SMTP can carry (RFC 5321 path limit).
 *
 * @example
 * if (email.length > MAX_EMAIL_LENGTH) return 'too long';
 */
export const MAX_EMAIL_LENGTH = 254;
