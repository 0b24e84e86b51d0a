import type { FormFieldType } from '../core/index.js';
import type { RateLimit } from './rate-limiter.js';
import type { SignupClock } from './signup-clock.js';
import type { RetryPolicy } from './with-retry.js';

/** A contact data field the form may send, and how to show it. */
export interface AllowedField {
  /** Dotdigital data-field name, e.g. `FIRSTNAME` (at most 20 characters). */
  name: string;
  /** The label the form shows, e.g. `First name`. */
  label: string;
  /** Dotdigital's type; values are checked and cast to it. Default `String`. */
  type?: FormFieldType;
  /** Refuse a signup without it. Default `false`. */
  required?: boolean;
}

/** Minimal logger; `console` fits. Never receives plain email addresses or credentials. */
export interface SignupLogger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/**
 * Options of `createSignupHandler`. Everything comes from the caller: the handler never
 * reads environment variables.
 *
 * @example
 * const options: SignupHandlerOptions = {
 *   apiUser: 'apiuser-1a2b3c@apiconnector.com', apiPassword: secret,
 *   consentText: 'Yes, send me the monthly newsletter.', allowedOrigins: ['https://www.example.com'],
 * };
 */
export interface SignupHandlerOptions {
  /** Dotdigital API user, e.g. `apiuser-1a2b3c@apiconnector.com`. */
  apiUser: string;
  /** Dotdigital API user's password. */
  apiPassword: string;
  /** Your region's API base URL (or the mock's). Default `https://r1-api.dotdigital.com`. */
  apiUrl?: string;
  /** The consent statement shown beside the form and stored as the consent record's TEXT. */
  consentText: string;
  /** `Single` (default) or `VerifiedDouble` (Dotdigital emails a confirmation link). */
  optInType?: 'Single' | 'VerifiedDouble';
  /** Also add every contact to this address book (list). */
  addressBookId?: number;
  /** Exact origins (`https://www.example.com`) whose pages may use the proxy. Empty: same origin only. */
  allowedOrigins?: readonly string[];
  /** Ids of the public preferences to show (a category's id shows all its public ones). Default: all. */
  preferences?: readonly number[];
  /** Data fields the form may send. Default: none. */
  fields?: readonly AllowedField[];
  /** Proxies in front of this server whose forwarding header to believe for IPADDRESS. Default 0. */
  trustedProxyHops?: number;
  /** The forwarding header those proxies set. Default `x-forwarded-for`. */
  clientIpHeader?: string;
  /** Signups allowed per address per window, or `false` for none. Default 10 a minute. */
  rateLimit?: RateLimit | false;
  /** How long the form definition is cached, in seconds. Default 300. */
  definitionCacheSeconds?: number;
  /** How long a signup may spend retrying Dotdigital, and the backoff. Default 10 s budget. */
  retry?: Partial<RetryPolicy>;
  /** A `fetch` for calls to Dotdigital (tests pass the mock's). */
  fetch?: typeof fetch;
  /** Where to log. Default: nothing. */
  logger?: SignupLogger;
  /** The clock, for tests. */
  clock?: SignupClock;
}
