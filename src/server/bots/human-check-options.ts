import type { HumanCheckInfo } from '../../core/index.js';

/** The proof of work the proxy asks of every browser (ALTCHA protocol, PBKDF2/SHA-256). */
export interface ProofOfWorkCheck {
  kind: 'proof-of-work';
  /** PBKDF2 iterations per try. Default 1 000 (about 0.6 ms a try on a server core). */
  cost?: number;
  /** Tries needed are spread evenly from 1 to this. Default 1 500: about 0.2 s of one core on average (`npm run bench -- human-check`). */
  maxCounter?: number;
  /** How long a challenge may be solved and used, in ms. Default 20 minutes. */
  expiresMs?: number;
}

/** A third-party check the site already uses: the widget shows the vendor's, the proxy asks the vendor. */
export interface VendorCheck {
  kind: 'turnstile' | 'hcaptcha' | 'recaptcha';
  /** The public site key the widget passes to the vendor's script. */
  siteKey: string;
  /** The secret the proxy sends to the vendor's siteverify. Never sent to the browser. */
  secret: string;
  /** reCAPTCHA v3: the lowest score taken as a person. Default 0.5. */
  minScore?: number;
  /** Hostnames the vendor must say the check ran on. Default: those of `allowedOrigins` (none set: any). */
  hostnames?: string[];
  /** The siteverify URL (a local fake in tests). Default: the vendor's own. */
  verifyUrl?: string;
  /** How long siteverify may take before the signup is refused. Default 5 000 ms. */
  timeoutMs?: number;
}

/**
 * The `humanCheck` option: `'proof-of-work'` (default), `'off'` (a site behind its own bot
 * protection), a tuned {@link ProofOfWorkCheck}, or a {@link VendorCheck}.
 *
 * @example
 * const humanCheck: HumanCheckOption = { kind: 'turnstile', siteKey: '0x4AAA…', secret: process.env.TURNSTILE_SECRET! };
 */
export type HumanCheckOption = 'proof-of-work' | 'off' | ProofOfWorkCheck | VendorCheck;

/** {@link HumanCheckOption} checked, defaults filled in. */
export type ResolvedHumanCheck =
  | { kind: 'off' }
  | { kind: 'proof-of-work'; cost: number; maxCounter: number; expiresMs: number }
  | (VendorCheck & { minScore: number; timeoutMs: number; verifyUrl: string });

/** The vendors' siteverify endpoints, as they document them. */
export const SITEVERIFY_URLS = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
  hcaptcha: 'https://api.hcaptcha.com/siteverify',
  recaptcha: 'https://www.google.com/recaptcha/api/siteverify',
} as const;

/** The default proof of work. */
export const DEFAULT_PROOF_OF_WORK = { kind: 'proof-of-work', cost: 1_000, maxCounter: 1_500, expiresMs: 20 * 60_000 } as const;

/**
 * Checks `humanCheck` once, at start-up: a vendor without its keys, or a cost that is not a
 * whole number, throws rather than leaving a form that refuses everyone (or no one).
 *
 * @example
 * resolveHumanCheck(options.humanCheck, fail); // { kind: 'proof-of-work', cost: 1000, … }
 */
export function resolveHumanCheck(value: HumanCheckOption | undefined, fail: (problem: string) => never): ResolvedHumanCheck {
  if (value === undefined || value === 'proof-of-work') return { ...DEFAULT_PROOF_OF_WORK };
  if (value === 'off') return { kind: 'off' };
  if (typeof value !== 'object' || value === null) fail(`\`humanCheck\` must be 'proof-of-work', 'off' or an object with a \`kind\`, not ${JSON.stringify(value)}`);
  if (value.kind === 'proof-of-work') {
    const check = { ...DEFAULT_PROOF_OF_WORK, ...value };
    const whole = (n: number, least: number) => Number.isSafeInteger(n) && n >= least;
    if (!whole(check.cost, 1) || !whole(check.maxCounter, 1) || check.maxCounter > 0xffffffff || !whole(check.expiresMs, 10_000)) {
      fail('`humanCheck` proof of work takes whole numbers: `cost` ≥ 1, `maxCounter` ≥ 1 (at most 2^32 − 1), `expiresMs` ≥ 10000');
    }
    return check;
  }
  if (value.kind === 'turnstile' || value.kind === 'hcaptcha' || value.kind === 'recaptcha') {
    const missing = (['siteKey', 'secret'] as const).filter((key) => typeof value[key] !== 'string' || value[key].trim() === '');
    if (missing.length > 0) fail(`\`humanCheck\` ${value.kind} needs ${missing.map((key) => `\`${key}\``).join(' and ')} from the vendor's dashboard (README, "Bot defense")`);
    const minScore = value.minScore ?? 0.5;
    if (!(minScore >= 0 && minScore <= 1)) fail('`humanCheck.minScore` is a reCAPTCHA score from 0 to 1');
    const timeoutMs = value.timeoutMs ?? 5_000;
    if (!(timeoutMs >= 100)) fail('`humanCheck.timeoutMs` must be ≥ 100');
    const verifyUrl = value.verifyUrl ?? SITEVERIFY_URLS[value.kind];
    if (!URL.canParse(verifyUrl)) fail(`\`humanCheck.verifyUrl\` must be a URL, not ${JSON.stringify(verifyUrl)}`);
    return { ...value, minScore, timeoutMs, verifyUrl };
  }
  return fail(`\`humanCheck.kind\` must be 'proof-of-work', 'turnstile', 'hcaptcha' or 'recaptcha', not ${JSON.stringify((value as { kind?: unknown }).kind)}`);
}

/**
 * What the form definition tells every browser about the check: its kind, and a vendor's public
 * site key. Never the secret; the same for every visitor, so the definition stays cacheable.
 *
 * @example
 * humanCheckInfo({ kind: 'turnstile', siteKey: '0x4AAA', secret: 's', … }); // { kind: 'turnstile', siteKey: '0x4AAA' }
 */
export function humanCheckInfo(setting: ResolvedHumanCheck): HumanCheckInfo | undefined {
  if (setting.kind === 'off') return undefined;
  return setting.kind === 'proof-of-work' ? { kind: 'proof-of-work' } : { kind: setting.kind, siteKey: setting.siteKey };
}
