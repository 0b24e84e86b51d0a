import type { FormFieldType } from '../core/index.js';

/** A contact data field the form may send, and how to show it. */
export interface AllowedField {
  /** Dotdigital data-field name, e.g. `FIRSTNAME`. */
  name: string;
  label: string;
  type?: FormFieldType;
  required?: boolean;
}

/** Minimal logger; `console` fits. Never receives plain email addresses. */
export interface SignupLogger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/**
 * Options of `createSignupHandler`. Everything comes from the caller: the handler never
 * reads environment variables.
 */
export interface SignupHandlerOptions {
  /** Dotdigital API user, e.g. `apiuser-1a2b3c@apiconnector.com`. */
  apiUser: string;
  /** Dotdigital API user's password. */
  apiPassword: string;
  /** Dotdigital API base URL (your region's, or the mock's). Default `https://r1-api.dotdigital.com`. */
  apiUrl?: string;
  /** The consent statement shown beside the form and stored as the consent record's TEXT. */
  consentText: string;
  /** `Single` (default) or `VerifiedDouble` (Dotdigital emails a confirmation link). */
  optInType?: 'Single' | 'VerifiedDouble';
  /** Origins (`https://www.example.com`) allowed to use the form. Empty or absent: any. */
  allowedOrigins?: string[];
  /** Data fields the form may send. Default: none. */
  fields?: AllowedField[];
  /** A `fetch` for calls to Dotdigital (tests pass the mock's). */
  fetch?: typeof fetch;
  /** Where to log. Default: nothing. */
  logger?: SignupLogger;
}
