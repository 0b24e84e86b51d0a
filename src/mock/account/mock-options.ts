import type { MockStoreOptions } from './mock-store.js';

/** Options of `createMockDotdigital`: the account it plays and the faults it injects. */
export interface MockDotdigitalOptions extends MockStoreOptions {
  /** API user the mock accepts. Default: the demo user. */
  apiUser?: string;
  /** Password the mock accepts. Default: the demo password. */
  apiPassword?: string;
  /**
   * The region the account lives in, e.g. `'r2'`. A call addressed to another region's host
   * (`https://r1-api.dotdigital.com/…`) answers 403 "Forbidden: Access is denied", as the real
   * API does; `GET /v2/account-info` answers on every host. Hosts that name no region
   * (`127.0.0.1`, `localhost`) are always accepted.
   */
  region?: `r${number}`;
  /**
   * What `ApiEndpoint` in `/v2/account-info` says (a trailing slash is added, as Dotdigital
   * writes it). Default: `https://{region}-api.dotdigital.com` when `region` is set, else the
   * origin the request reached the mock at.
   */
  apiEndpoint?: string;
  /** The account setting that forces double opt-in for every API signup, whatever the request says. */
  forceDoubleOptIn?: boolean;
  /**
   * How writes to a suppressed or unsubscribed contact are answered: `'refuse'` (default, the
   * v2 behaviour) fails with ERROR_CONTACT_SUPPRESSED; `'keep-status'` answers 2xx with the
   * contact's status left `Suppressed`/`Unsubscribed` (what v3 does).
   */
  suppressedWrites?: 'refuse' | 'keep-status';
  /** Play the per-minute rate limit: over it, 429 with `X-RateLimit-*` headers. */
  rateLimit?: MockRateLimit;
  /** Play the legacy flat cap (2 000 an hour on real accounts): over it, 400 ERROR_APIUSAGE_EXCEEDED. */
  hourlyCap?: number;
  /** Delay every API answer by this many milliseconds. */
  latencyMs?: number;
  /** Failures for the next matching API calls (more can be added with `mock.inject`). */
  faults?: MockFault[];
  /** How long a v3 import stays `NotFinished` before it is applied, in ms. Default 1000. */
  importProcessingMs?: number;
  /**
   * `false` plays an account whose imports send no double opt-in email (Dotdigital's account
   * help): a `verifiedDouble` import contact ends `subscribed` with no email. Default `true`:
   * imports behave like the single call (`pendingOptIn` and an email in the outbox). An account
   * with `forceDoubleOptIn` always sends it.
   */
  importsSendOptInEmail?: boolean;
  /** The largest `PUT /contacts/v3/import` body, in bytes; over it `413`. Default 50 MB, as Dotdigital. */
  importBodyLimitBytes?: number;
  /** Resubscribe challenge emails per contact per window. Default `{ max: 3, windowMs: 86_400_000 }`. */
  resubscribeChallengeLimit?: MockChallengeLimit;
  /** Origin for links in the outbox. Default: the origin the write call reached the mock at. */
  publicUrl?: string;
  /** The clock, for tests. */
  now?: () => Date;
}

/**
 * A failure to inject: into the next matching API calls (a 5xx, or a dropped connection), or
 * into the next v3 imports (`importStatus`: the whole import ends `RejectedByWatchdog`) or
 * imported contacts (`contactFailure`: created or updated, but listed under `failures` as
 * `consentRecordsNotApplied`, its consent records not stored).
 */
export type MockFault = (
  | { /** Answer with this status (a 5xx). */ status: number; drop?: never; importStatus?: never; contactFailure?: never }
  | { /** Drop the connection: the in-process fetch rejects like undici, the Node listener destroys the socket. */ drop: true; status?: never; importStatus?: never; contactFailure?: never }
  | { /** The next imports end with this status; none of their contacts is applied. */ importStatus: 'RejectedByWatchdog'; status?: never; drop?: never; contactFailure?: never }
  | { /** The next imported contacts (with consent records) are applied without them. */ contactFailure: 'consentRecordsNotApplied'; status?: never; drop?: never; importStatus?: never }
) & {
  /** How many matching calls (imports, imported contacts) fail. Default 1; `Infinity` for every one. */
  times?: number;
  /** Only calls whose `METHOD /path` matches, e.g. `/^POST \/v2\/contacts/` (for `contactFailure`: the email). Default: all. */
  match?: RegExp;
};

/** The per-minute rate limit the mock plays (Dotdigital's default scheme). */
export interface MockRateLimit {
  /** Calls allowed per minute; Dotdigital's smallest published tier is 35. */
  perMinute: number;
  /** `X-RateLimit-Scope` value. Default `'default'`. */
  scope?: string;
  /** How `X-RateLimit-Reset` is written: seconds until reset (default) or a Unix time in seconds. */
  reset?: 'seconds' | 'epoch';
  /** The window `perMinute` counts in. Default 60 000 ms; shorter makes load tests of the limit quick. */
  windowMs?: number;
}

/** How many resubscribe challenge emails one contact may be sent in a window. */
export interface MockChallengeLimit {
  /** Emails per contact per window. Default 3. */
  max: number;
  /** The window in milliseconds. Default 24 hours. */
  windowMs: number;
}
