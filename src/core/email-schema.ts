import * as z from 'zod/mini';

/**
 * The longest address SMTP can carry (RFC 5321 path limit).
 *
 * @example
 * if (email.length > MAX_EMAIL_LENGTH) return 'too long';
 */
export const MAX_EMAIL_LENGTH = 254;

/**
 * The rule for an email address, one schema object for the form (through react-hook-form's
 * resolver) and the proxy (inside `signupRequestSchema`): trimmed, not empty, at most
 * {@link MAX_EMAIL_LENGTH} characters, and zod's email format.
 *
 * @example
 * emailSchema.safeParse(' ann@example.com ').data; // 'ann@example.com'
 */
export const emailSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_EMAIL_LENGTH), z.email());
