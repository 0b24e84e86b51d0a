import * as z from 'zod/mini';
import { emailSchema, MAX_EMAIL_LENGTH } from './email-schema.js';
import type { SignupErrorCode } from './error-codes.js';
import type { FieldValue } from './field-types.js';
import { SIGNUP_FORM_FIELDS } from './signup-form-post.js';

export { MAX_EMAIL_LENGTH };
export type { FieldValue };

/**
 * Name of the honeypot property: people never fill it, bots often do. The posted form's input
 * has the same name, so it is that table's entry rather than a second literal.
 */
export const HONEYPOT_FIELD = SIGNUP_FORM_FIELDS.honeypot;

/**
 * The body of `POST {endpoint}`.
 *
 * @example
 * const body: SignupRequest = {
 *   email: 'ann@example.com',
 *   preferences: [9, 21],
 *   consent: { text, version, locale: 'de', consentedAt: new Date().toISOString(), pageUrl: location.href },
 * };
 */
export interface SignupRequest {
  email: string;
  preferences?: number[];
  fields?: Record<string, FieldValue>;
  /**
   * The consent as the form showed it: the definition's text and version, and the form's
   * language (`locale`, optional), which the proxy asks Dotdigital's emails to be in.
   */
  consent: { text: string; version: string; locale?: string; consentedAt: string; pageUrl: string };
  honeypot?: string;
  /** The human check's answer: the solved proof of work (ALTCHA payload) or a vendor's token. */
  proof?: string;
}

const httpUrl = z.string().check(
  z.maxLength(2048),
  z.refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), 'must be an http(s) URL'),
);

/**
 * Schema of {@link SignupRequest}, shared by the widget (before sending) and the proxy
 * (before trusting anything). Unknown top-level keys are ignored, never forwarded.
 *
 * @example
 * signupRequestSchema.safeParse(JSON.parse(text)).success;
 */
export const signupRequestSchema = z.object({
  email: emailSchema,
  preferences: z.optional(z.array(z.number().check(z.int(), z.positive())).check(z.maxLength(500))),
  fields: z.optional(z.record(z.string().check(z.maxLength(20)), z.nullable(z.union([z.string().check(z.maxLength(1000)), z.number(), z.boolean()])))),
  consent: z.object({
    text: z.string().check(z.maxLength(10_000)),
    version: z.string().check(z.maxLength(200)),
    // A language tag; the proxy ignores one that is not (then the statement alone decides).
    locale: z.optional(z.string().check(z.maxLength(35))),
    consentedAt: z.iso.datetime({ offset: true }),
    pageUrl: httpUrl,
  }),
  honeypot: z.optional(z.string()),
  proof: z.optional(z.string().check(z.maxLength(4096))),
});

/** Why a request was refused: the protocol's code, a message and the field concerned. */
export interface SignupRequestProblem {
  code: SignupErrorCode;
  message: string;
  field?: string;
}

/** The result of {@link parseSignupRequest}. */
export type ParsedSignupRequest = { ok: true; value: SignupRequest } | { ok: false; problem: SignupRequestProblem };

/**
 * Checks an untrusted body and names the first problem in protocol terms.
 *
 * @example
 * const parsed = parseSignupRequest(body);
 * if (!parsed.ok) return json(400, { error: parsed.problem });
 */
export function parseSignupRequest(input: unknown): ParsedSignupRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problem: { code: 'invalid_request', message: 'The request body must be a JSON object.' } };
  }
  const email = (input as { email?: unknown }).email;
  if (email === undefined || email === null || (typeof email === 'string' && email.trim() === '')) {
    return { ok: false, problem: { code: 'missing_email', message: 'Enter an email address.', field: 'email' } };
  }
  if (typeof email === 'string' && email.trim().length > MAX_EMAIL_LENGTH) {
    return { ok: false, problem: { code: 'invalid_email', message: `An email address is at most ${MAX_EMAIL_LENGTH} characters long.`, field: 'email' } };
  }
  const result = signupRequestSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data as SignupRequest };
  const issue = result.error.issues[0]!;
  return { ok: false, problem: describeIssue(issue.path.map(String), issue.message) };
}

function describeIssue(path: string[], detail: string): SignupRequestProblem {
  const [head, second] = path;
  if (head === 'email') {
    return { code: 'invalid_email', message: 'Enter an email address in the correct format, like name@example.com.', field: 'email' };
  }
  if (head === 'consent' && second === 'pageUrl') {
    return { code: 'invalid_page_url', message: 'consent.pageUrl must be the http(s) address of the page with the form.', field: 'consent.pageUrl' };
  }
  if (head === 'fields') {
    const field = second === undefined ? 'fields' : `fields.${second}`;
    return { code: 'invalid_field', message: `${field}: ${detail}`, field };
  }
  const field = path.length > 0 ? path.join('.') : undefined;
  const message = `${field ?? 'body'}: ${detail}`;
  return field === undefined ? { code: 'invalid_request', message } : { code: 'invalid_request', message, field };
}
