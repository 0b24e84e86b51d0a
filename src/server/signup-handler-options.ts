import type { MeterProvider } from '@opentelemetry/api';
import type { FormFieldType } from '../core/index.js';
import type { ClientIpSetting } from './http/client-ip-presets.js';
import type { CallBudget } from './dotdigital/call-budget.js';
import type { AddressLimitOptions } from './http/address-limits.js';
import type { HumanCheckOption } from './bots/human-check-options.js';
import type { SharedRateLimiter } from './http/shared-rate-limiter.js';
import type { CounterStore } from './http/use-counter.js';
import type { DrainLock } from './queue/drain-lock.js';
import type { QueueDeliveryOptions } from './queue/queue-delivery-options.js';
import type { SignupQueue } from './queue/signup-queue.js';
import type { SignupClock } from './shared/signup-clock.js';
import type { SignupLogger } from './shared/signup-logger.js';

/**
 * A text in each language the form speaks, by BCP 47 tag: `{ en: 'First name', de: 'Vorname' }`.
 * A plain string is the same text for every language.
 */
export type PerLocale = string | Record<string, string>;

/** A contact data field the form may send, and how to show it. */
export interface AllowedField {
  /** Dotdigital data-field name, e.g. `FIRSTNAME` (at most 20 characters). */
  name: string;
  /** The label the form shows, e.g. `First name`, or one per locale: `{ en: 'First name', de: 'Vorname' }`. */
  label: PerLocale;
  /** Dotdigital's type of the field; the proxy checks and casts values to it. Default `String`. */
  type?: FormFieldType;
  /** Refuse a signup without it (`missing_field`). Default `false`. */
  required?: boolean;
}

/** How hard to try when Dotdigital is slow, rate-limited or failing. */
export interface UpstreamRetryOptions {
  /** Total time a visitor may wait for Dotdigital on one request, retries included. Default 8 000 ms. */
  budgetMs?: number;
  /** First backoff step; doubles per attempt, with full jitter. Default 200 ms. */
  baseDelayMs?: number;
  /** Longest single backoff. Default 2 000 ms. */
  maxDelayMs?: number;
  /** Timeout of one call to Dotdigital. Default 5 000 ms. */
  attemptTimeoutMs?: number;
}

/**
 * Where the state that several instances of the proxy must share lives. `createRedisStores`
 * (`dotdigital-signup/server/redis`) returns one; any part left out stays in this process.
 *
 * @example
 * import { createRedisStores } from 'dotdigital-signup/server/redis';
 * const handler = createSignupHandler({ ...options, stores: createRedisStores({ redis: process.env.SIGNUP_REDIS_URL! }) });
 */
export interface SignupStores {
  /** The durable signup queue (instead of the `queue` option). */
  queue?: SignupQueue;
  /** The per-IP limit, counted across instances; its limit is the store's own (`createRedisStores({ rateLimit })`). */
  ipLimiter?: SharedRateLimiter;
  /** Dotdigital's call budget and outage state. Default: one per handler (`createMemoryCallBudget()`). */
  budget?: CallBudget;
  /** One queue drainer at a time. Default: one per handler (`createMemoryDrainLock()`). */
  drainLock?: DrainLock;
  /** Where per-address counts (`addressLimit`) live, so every instance counts the same. Default: this process's memory. */
  counters?: CounterStore;
}

/**
 * Options of `createSignupHandler`. Everything comes from the caller: the handler never
 * reads environment variables (the `serve` command maps them, see README "Proxy options").
 *
 * @example
 * const options: SignupHandlerOptions = {
 *   apiUser: 'apiuser-1a2b3c@apiconnector.com', apiPassword: secret,
 *   region: 'r1', consentText: 'Yes, send me the monthly newsletter.',
 *   allowedOrigins: ['https://www.example.com'],
 * };
 */
export interface SignupHandlerOptions {
  /** Dotdigital API user, e.g. `apiuser-1a2b3c@apiconnector.com`. */
  apiUser: string;
  /** Dotdigital API user's password. */
  apiPassword: string;
  /** Your account's region: `r1` Europe, `r2` North America, `r3` Asia Pacific. Neither this nor `apiUrl`: discovered from Dotdigital on the first call. */
  region?: 'r1' | 'r2' | 'r3';
  /** Dotdigital API base URL; overrides `region` (the mock's URL in tests). */
  apiUrl?: string;
  /**
   * The consent statement shown beside the form and stored as the consent record's TEXT: one
   * per locale (`{ en: 'Yes, send me…', de: 'Ja, senden Sie mir…' }`, the default locale's
   * required), or a plain string for every locale. A form asking for `de-AT` gets `de-AT`'s,
   * else `de`'s, else the default locale's (README, "Messages and languages").
   */
  consentText: PerLocale;
  /** The locale a form gets when the proxy has nothing in its language. Default `en`. */
  defaultLocale?: string;
  /**
   * Preference and category labels per locale, by id: `{ de: { 1: 'Newsletter', 2: 'Wöchentlich' } }`.
   * Dotdigital keeps one name each; one the site does not translate shows Dotdigital's.
   */
  preferenceLabels?: Record<string, Record<number, string>>;
  /** `Single` (default) or `VerifiedDouble` (Dotdigital emails a confirmation link). */
  optInType?: 'Single' | 'VerifiedDouble';
  /** Also add every new signup to this address book (list). */
  addressBookId?: number;
  /**
   * Exact origins (`https://www.example.com`) allowed to use the form: CORS answers, POSTs
   * and the consent record's page URL. Absent or empty: pages on the proxy's own origin only
   * (no CORS; a POST from another site is refused). See README, "Security notes".
   */
  allowedOrigins?: string[];
  /** Ids of the public preferences (or whole categories) to show, in Dotdigital's order. Default: all public ones. */
  preferences?: number[];
  /** Data fields the form may send. Default: none. */
  fields?: AllowedField[];
  /**
   * Where the visitor's IP address (IPADDRESS, and the per-IP limit's key) comes from:
   * `'socket'` (default: no header is believed), `'vercel'`, `'netlify'`, `'cloudflare'`, `'fly'`,
   * `{ trustedProxyHops: n }` behind n reverse proxies of your own, or `{ header: 'x-real-ip' }`.
   * See README, "Client IP by platform".
   */
  clientIp?: ClientIpSetting;
  /** Older spelling of `clientIp: { trustedProxyHops }`. */
  trustedProxyHops?: number;
  /** Older spelling of `clientIp: { header }`. */
  clientIpHeader?: string;
  /**
   * Dotdigital calls allowed per IP address (IPv6: per /64) in a window: a signup spends one when
   * it arrives and one more for each call beyond the first it made. `false` turns the limit off.
   * Default 10 a minute.
   */
  rateLimit?: { max: number; windowMs: number } | false;
  /**
   * What one email address may cause per window, whoever asks: `writes` (signups written for it,
   * default 5) and `emails` (confirmation or resubscribe emails, default 3), in `windowMs`
   * (default 24 h). Past them the visitor gets a success's answer and nothing happens. Counted in
   * `stores.counters` (Redis: across instances). `false` turns them off.
   */
  addressLimit?: Partial<AddressLimitOptions> | false;
  /**
   * Bot defense: `'proof-of-work'` (default: the browser solves a small puzzle in the background;
   * no cookie, no third party, nothing to click), a third-party check the site already uses
   * (`{ kind: 'turnstile' | 'hcaptcha' | 'recaptcha', siteKey, secret }`), or `'off'` for a site
   * behind bot protection of its own. A signup without a good proof is refused (`human_check_failed`).
   * See README, "Bot defense".
   */
  humanCheck?: HumanCheckOption;
  /**
   * The HTML form posted without JavaScript carries no proof: such posts are taken up to `max` per
   * `windowMs` for the whole site (counted in `stores.counters`), then refused with
   * `javascript_required`. Default 20 an hour; `false`: never taken without a proof.
   */
  unverifiedFormPosts?: { max: number; windowMs: number } | false;
  /** How long the form definition is fresh, in ms. Default 60 000; a stale one is served while it refreshes. */
  definitionCacheMs?: number;
  /** Retry budget and backoff for calls to Dotdigital. */
  retry?: UpstreamRetryOptions;
  /**
   * Where a valid signup waits when Dotdigital stays unavailable (5xx, network error,
   * timeout, rate limit) past the retry budget: it is stored and answered `202 queued`,
   * then sent by `handler.deliverQueued()`. Without it such a signup is answered 503.
   */
  queue?: SignupQueue;
  /**
   * State shared by every instance (queue, per-IP limit, Dotdigital's call budget, drain lock),
   * e.g. `createRedisStores({ redis: url })`. Default: each handler keeps its own in memory.
   */
  stores?: SignupStores;
  /** Backoff, maximum age and lease of queued signups. */
  queueDelivery?: QueueDeliveryOptions;
  /** A `fetch` for calls to Dotdigital (tests pass the mock's). */
  fetch?: typeof fetch;
  /** Where to log (`console` fits). Default: warnings and errors to the console; `false`: nothing. */
  logger?: SignupLogger | false;
  /** Time source for tests. Default: the real clock. */
  clock?: Partial<SignupClock>;
  /**
   * Where the proxy's metrics go (OpenTelemetry). Default: the globally registered one, which
   * counts nothing until your app registers an SDK — before it creates the handler. See README, "Operate it".
   */
  meterProvider?: MeterProvider;
}
