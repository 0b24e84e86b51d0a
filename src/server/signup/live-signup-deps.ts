import type { FormField } from '../../core/index.js';
import type { ConsentCatalog } from '../definition/consent-catalog.js';
import type { DefinitionSnapshot } from '../definition/definition-snapshot.js';
import type { SubmitDeps } from '../dotdigital/submit-signup.js';
import type { AddressLimits } from '../http/address-limits.js';
import type { ClientIpPolicy } from '../http/client-ip.js';
import type { OriginPolicy } from '../http/cors.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import type { EnqueueSignup } from '../queue/enqueue-signup.js';
import type { SignupClock } from '../shared/signup-clock.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import type { AnswerFloor } from './answer-floor.js';
import type { SignupMetrics } from '../shared/signup-metrics.js';
import type { HumanCheck } from '../bots/human-check.js';

/**
 * The handler's settings a live signup reads.
 *
 * @example
 * const options: LiveSignupOptions = resolveOptions(userOptions); // the resolved options fit
 */
export interface LiveSignupOptions extends ClientIpPolicy {
  optInType: 'Single' | 'VerifiedDouble';
  fields: FormField[];
  addressBookId: number | undefined;
  /** The configured origins; empty: this proxy's own origin only. */
  allowedOrigins: ReadonlySet<string>;
  retry: { budgetMs: number };
  clock: Pick<SignupClock, 'now'>;
}

/**
 * What a live signup (handleSignup) needs: the settings and the handler's long-lived parts,
 * each narrowed to what it uses.
 *
 * @example
 * const deps: LiveSignupDeps = { options, logger, cors, limiter, limits, floor, definition, consent, emailRef, submit, enqueue, humanCheck, metrics, warnOnce };
 */
export interface LiveSignupDeps {
  options: LiveSignupOptions;
  logger: SignupLogger | undefined;
  cors: OriginPolicy;
  /** Takes the visitor's address; undefined when rate limiting is off. */
  limiter: RateLimiter | undefined;
  /** Writes and emails per address a day, shared by every instance (the same object as `submit.limits`). */
  limits: AddressLimits;
  /** Holds every `202 pending_confirmation` answer to one time. */
  floor: AnswerFloor;
  definition: { get(): Promise<DefinitionSnapshot>; invalidate(): void };
  /** The configured consent statements: what a posted consent is held against. */
  consent: Pick<ConsentCatalog, 'match'>;
  emailRef: (email: string) => Promise<string>;
  submit: Omit<SubmitDeps, 'addressBookId' | 'ref'>;
  enqueue: EnqueueSignup;
  /** Proof of work (or a vendor's check) and the no-JavaScript budget; checked before anything is queued or sent. */
  humanCheck: HumanCheck;
  /** Counts signups and deliveries (a no-op until an app registers an OpenTelemetry SDK). */
  metrics: SignupMetrics;
  /**
   * Logs a warning once per handler, not once per request. Keys `origin:…` come from visitors and
   * have an allowance of their own, so a flood of them never silences the proxy's own warnings.
   */
  warnOnce(key: string, ...warning: Parameters<SignupLogger['warn']>): void;
}
