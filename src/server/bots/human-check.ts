import type { HumanCheckInfo, SignupErrorCode } from '../../core/index.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import { throttledWarning } from '../shared/throttled-warning.js';
import type { CounterStore } from '../http/use-counter.js';
import { humanCheckInfo, type ResolvedHumanCheck } from './human-check-options.js';
import { createProofOfWork, type ProofProblem } from './proof-of-work.js';
import type { RefusalTally } from './refusal-tally.js';
import { createVendorCheck } from './vendor-check.js';

/** A refused check: the answer's status, code and message. */
export interface HumanCheckRefusal {
  status: number;
  code: SignupErrorCode;
  message: string;
}


/** The human check a handler runs on every signup. */
export interface HumanCheck {
  /** For the definition; undefined when the check is off. */
  info: HumanCheckInfo | undefined;
  /** `GET {endpoint}?challenge`: a fresh challenge, or undefined when this check has none. */
  challenge(): Promise<unknown> | undefined;
  /** Checks a signup's proof; `formPost`: the browser's own submit of the HTML form (the no-JavaScript rule). */
  check(proof: string | undefined, signup: { formPost: boolean; ip: string | undefined; hostname?: string }): Promise<HumanCheckRefusal | undefined>;
}

/** The no-JavaScript budget: form posts without a proof, across every instance. */
export type UnverifiedFormPosts = { max: number; windowMs: number } | false;

const MESSAGES: Record<ProofProblem, string> = {
  missing: 'This signup carries no proof that a person sent it: the form solves a small puzzle in the background and sends the answer with the signup. Sign up from the form\'s page (README, "Bot defense").',
  malformed: 'The signup\'s proof of work could not be read: load the form again.',
  invalid: 'The signup\'s proof of work is not valid for this form (forged, or from another site): load the form again.',
  expired: 'The signup\'s proof of work has expired: load the form again.',
  reused: 'The signup\'s proof of work was already used: each one signs up once; load the form again.',
};

/**
 * Puts the human check together: the proof of work (or a vendor's check) and the rule for forms
 * posted without JavaScript — such a post without a proof spends one of the site's
 * `unverifiedFormPosts` (default 20 an hour, counted in the shared stores); past them it is
 * refused with `javascript_required`. Every refusal is counted in the tally (one log line a
 * minute). A store that cannot answer refuses (fail closed), logged at most once a minute.
 *
 * @example
 * const check = createHumanCheck(resolved, { site, counters, unverifiedFormPosts: { max: 20, windowMs: 3_600_000 }, tally, logger, now, fetch });
 * const refusal = await check.check(signup.proof, { formPost: false, ip });
 */
export function createHumanCheck(
  setting: ResolvedHumanCheck,
  deps: {
    site: { apiPassword: string; apiUser: string; allowedOrigins: ReadonlySet<string> };
    counters: CounterStore;
    unverifiedFormPosts: UnverifiedFormPosts;
    tally: RefusalTally;
    logger: SignupLogger | undefined;
    now: () => number;
    fetch?: typeof fetch | undefined;
  },
): HumanCheck {
  if (setting.kind === 'off') return { info: undefined, challenge: () => undefined, check: async () => undefined };
  const { tally, now } = deps;
  const unreachable = throttledWarning(deps.logger, 'The human check\'s store could not be reached, so signups are refused until it answers (fail closed)', now);
  const budget = deps.unverifiedFormPosts === false ? undefined : deps.counters.counter('unverified-form-posts', deps.unverifiedFormPosts);
  const pow = setting.kind === 'proof-of-work'
    ? createProofOfWork({ ...setting, site: deps.site, used: deps.counters.counter('proof-used', { max: 1, windowMs: setting.expiresMs + 60_000 }), now })
    : undefined;
  const vendor = setting.kind === 'proof-of-work' ? undefined : createVendorCheck(setting, { allowedOrigins: deps.site.allowedOrigins, logger: deps.logger, fetch: deps.fetch });
  const refuse = (reason: 'no_solution' | 'bad_solution', message: string): HumanCheckRefusal => (tally.count(reason), { status: 403, code: 'human_check_failed', message });
  return {
    info: humanCheckInfo(setting),
    challenge: () => pow?.challenge(),
    async check(proof, signup) {
      try {
        if (signup.formPost && !proof) {
          if (budget && (await budget.take('all'))) return undefined;
          tally.count('no_js_budget');
          return { status: 403, code: 'javascript_required', message: 'This form needs JavaScript right now: too many signups came without it. Turn JavaScript on and submit the form again.' };
        }
        if (pow) {
          const problem = await pow.verify(proof);
          return problem === undefined ? undefined : refuse(problem === 'missing' ? 'no_solution' : 'bad_solution', MESSAGES[problem]);
        }
        if (!proof) return refuse('no_solution', `This signup carries no ${setting.kind} token: the form's check did not run. Sign up from the form's page (README, "Bot defense").`);
        const problem = await vendor!.verify(proof, signup.ip, signup.hostname);
        return problem === undefined ? undefined : refuse('bad_solution', `The ${setting.kind} check did not pass (${problem}): load the form again.`);
      } catch (error) {
        unreachable(error);
        return refuse('bad_solution', 'The signup could not be checked just now; try again in a minute.');
      }
    },
  };
}
