import { HUMAN_CHECK_ACTION } from '../../core/human-check-action.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import type { ResolvedHumanCheck } from './human-check-options.js';

type Vendor = Extract<ResolvedHumanCheck, { kind: 'turnstile' | 'hcaptcha' | 'recaptcha' }>;

/** The reCAPTCHA v3 action the widget runs: a token made for another action (another form) is refused. */
export const RECAPTCHA_ACTION = HUMAN_CHECK_ACTION;

/** What siteverify answers, as Cloudflare, hCaptcha and Google document it (the fields we read). */
interface SiteverifyAnswer {
  success?: unknown;
  hostname?: unknown;
  action?: unknown;
  score?: unknown;
  'error-codes'?: unknown;
}

/** A vendor's check of a visitor's token. */
export interface VendorCheckRun {
  /** `undefined` when the vendor says a person passed, else why not (for the message; the log has the detail). */
  verify(token: string, ip: string | undefined, hostname?: string): Promise<string | undefined>;
}

/**
 * Asks the vendor's siteverify about a token, with the secret and the visitor's IP, and fails
 * closed: a timeout, a 5xx, an answer that is not JSON, `success: false`, a hostname not the
 * site's, or (reCAPTCHA v3) another action or a score under `minScore` all refuse, with a log
 * line that says which. The URL is injectable (`verifyUrl`) so tests run against a local fake.
 *
 * @example
 * const turnstile = createVendorCheck(resolved, { allowedOrigins, logger, fetch });
 * await turnstile.verify(body.proof, ip); // undefined: passed
 */
export function createVendorCheck(setting: Vendor, deps: { allowedOrigins: ReadonlySet<string>; logger: SignupLogger | undefined; fetch?: typeof fetch | undefined }): VendorCheckRun {
  const hostnames = new Set(setting.hostnames ?? [...deps.allowedOrigins].map((origin) => new URL(origin).hostname));
  const refused = (why: string, details: Record<string, unknown> = {}) => {
    deps.logger?.warn(`The ${setting.kind} check refused a signup: ${why}`, { vendor: setting.kind, ...details });
    return why;
  };
  return {
    async verify(token, ip, hostname) {
      if (token.length > 4_096) return refused('the token is too long to be one');
      const body = new URLSearchParams({ secret: setting.secret, response: token, ...(ip ? { remoteip: ip } : {}) });
      let answer: SiteverifyAnswer;
      try {
        const response = await (deps.fetch ?? fetch)(setting.verifyUrl, { method: 'POST', body, signal: AbortSignal.timeout(setting.timeoutMs) });
        if (!response.ok) return refused(`siteverify answered ${response.status}`, { status: response.status });
        answer = (await response.json()) as SiteverifyAnswer;
        if (typeof answer !== 'object' || answer === null) throw new TypeError('not an object');
      } catch (error) {
        const name = (error as Error)?.name;
        return refused(name === 'TimeoutError' ? `siteverify did not answer within ${setting.timeoutMs} ms` : `siteverify could not be read (${(error as Error)?.message ?? String(error)})`);
      }
      if (answer.success !== true) {
        const codes = Array.isArray(answer['error-codes']) ? answer['error-codes'].map(String).join(', ') : 'no error code';
        return refused(`the token did not pass (${codes})`, { errorCodes: codes });
      }
      const expected = hostnames.size > 0 ? hostnames : hostname ? new Set([hostname]) : undefined;
      if (expected && !expected.has(String(answer.hostname))) return refused(`the check ran on another site (${String(answer.hostname).slice(0, 100)})`);
      if (setting.kind === 'recaptcha') {
        if (answer.action !== RECAPTCHA_ACTION) return refused(`the token was made for another action (${String(answer.action).slice(0, 50)})`);
        if (!(typeof answer.score === 'number' && answer.score >= setting.minScore)) return refused(`the score ${String(answer.score)} is under ${setting.minScore}`);
      }
      return undefined;
    },
  };
}
