import { checkedApiUrl } from '../dotdigital/dotdigital-answers.js';
import { CLIENT_IP_PRESETS } from '../http/client-ip-presets.js';
import { resolveOptions } from '../resolve-options.js';
import { maskUrl } from '../shared/mask-url.js';
import type { AllowedField, SignupHandlerOptions } from '../signup-handler-options.js';
import { bad, whole, type Env } from './env-values.js';
import { checkLocaleOptions, localeOptionsFromEnv } from './locale-options-from-env.js';

/** The default consent statement of `dotdigital-signup serve` when `SIGNUP_CONSENT_TEXT` is unset. */
export const DEFAULT_CONSENT_TEXT =
  'Yes, please email me news and offers. I can unsubscribe at any time using the link in every email. See our privacy notice for how we use your data.';

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/**
 * Reads the proxy's options from environment variables (README, "Proxy options").
 * Only adapters call this; the handler itself takes options from its caller. A value
 * that cannot be right throws an error naming the variable and what it should hold (the
 * handler's own checks, run here on each variable's value).
 *
 * @example
 * createSignupHandler(optionsFromEnv(process.env));
 */
export function optionsFromEnv(env: Env): SignupHandlerOptions {
  const apiUser = env.DOTDIGITAL_API_USER ?? '';
  const apiPassword = env.DOTDIGITAL_API_PASSWORD ?? '';
  if (!apiUser || !apiPassword) {
    throw new Error(
      'Set DOTDIGITAL_API_USER and DOTDIGITAL_API_PASSWORD to your Dotdigital API user ' +
        '(Settings → Access → API users), or run `npm start` for the demo with the built-in mock.',
    );
  }
  const options: SignupHandlerOptions = { apiUser, apiPassword, ...localeOptionsFromEnv(env, DEFAULT_CONSENT_TEXT) };
  const region = env.DOTDIGITAL_REGION?.trim();
  if (region) options.region = region === 'r1' || region === 'r2' || region === 'r3' ? region : bad('DOTDIGITAL_REGION', region, 'use r1, r2 or r3');
  if (env.DOTDIGITAL_API_URL) options.apiUrl = env.DOTDIGITAL_API_URL;
  const optIn = env.SIGNUP_OPT_IN_TYPE?.trim();
  if (optIn) options.optInType = optIn === 'Single' || optIn === 'VerifiedDouble' ? optIn : bad('SIGNUP_OPT_IN_TYPE', optIn, 'use Single or VerifiedDouble');
  const addressBookId = whole(env, 'SIGNUP_ADDRESS_BOOK_ID', 1);
  if (addressBookId !== undefined) options.addressBookId = addressBookId;
  options.allowedOrigins = list(env.SIGNUP_ALLOWED_ORIGINS);
  if (env.SIGNUP_PREFERENCES?.trim()) {
    options.preferences = list(env.SIGNUP_PREFERENCES).map((id) => (/^\d+$/.test(id) ? Number(id) : bad('SIGNUP_PREFERENCES', id, 'use comma-separated preference ids')));
  }
  if (env.SIGNUP_FIELDS?.trim()) options.fields = parseFields(env.SIGNUP_FIELDS);
  const hops = whole(env, 'SIGNUP_TRUSTED_PROXY_HOPS', 0);
  if (hops !== undefined) options.trustedProxyHops = hops;
  if (env.SIGNUP_CLIENT_IP_HEADER?.trim()) options.clientIpHeader = env.SIGNUP_CLIENT_IP_HEADER.trim();
  const preset = env.SIGNUP_CLIENT_IP?.trim();
  if (preset) options.clientIp = Object.hasOwn(CLIENT_IP_PRESETS, preset) ? (preset as keyof typeof CLIENT_IP_PRESETS) : bad('SIGNUP_CLIENT_IP', preset, `use ${Object.keys(CLIENT_IP_PRESETS).join(', ')} (README, "Client IP by platform")`);
  const rate = perWindow(env, 'SIGNUP_RATE_LIMIT', 'e.g. 10/60, or off');
  if (rate !== undefined) options.rateLimit = rate;
  const writes = whole(env, 'SIGNUP_ADDRESS_WRITES_PER_DAY', 1);
  const emails = whole(env, 'SIGNUP_ADDRESS_EMAILS_PER_DAY', 1);
  if (writes !== undefined || emails !== undefined) options.addressLimit = { ...(writes === undefined ? {} : { writes }), ...(emails === undefined ? {} : { emails }) };
  const check = humanCheckFromEnv(env);
  if (check) options.humanCheck = check;
  const unverified = perWindow(env, 'SIGNUP_UNVERIFIED_FORM_POSTS', 'e.g. 20/3600, or off (no form post is taken without a proof)');
  if (unverified !== undefined) options.unverifiedFormPosts = unverified;
  const cacheSeconds = whole(env, 'SIGNUP_DEFINITION_CACHE_SECONDS', 0);
  if (cacheSeconds !== undefined) options.definitionCacheMs = cacheSeconds * 1000;
  checkEachVariable(env, options);
  // Then the languages as a whole: a locale one variable names must be complete in the others.
  checkLocaleOptions(options, (options.fields ?? []).map((field) => ({ ...field, type: 'String', required: false })));
  return options;
}

// The options whose checks live in the handler, by the variables they come from (the client IP ones together: they may clash).
const CHECKED: Array<[variables: string[], keys: Array<keyof SignupHandlerOptions>]> = [
  [['SIGNUP_CONSENT_TEXT'], ['consentText']],
  [['SIGNUP_ALLOWED_ORIGINS'], ['allowedOrigins']],
  [['SIGNUP_FIELDS'], ['fields']],
  [['SIGNUP_CLIENT_IP', 'SIGNUP_TRUSTED_PROXY_HOPS', 'SIGNUP_CLIENT_IP_HEADER'], ['clientIp', 'trustedProxyHops', 'clientIpHeader']],
];

/**
 * Runs the handler's own checks on what each variable gave, one variable at a time, so a
 * mistake is reported by the variable's name rather than the option's (the rules stay in one
 * place, resolve-options.ts).
 */
function checkEachVariable(env: Env, options: SignupHandlerOptions): void {
  if (options.apiUrl !== undefined) {
    try {
      checkedApiUrl(options.apiUrl);
    } catch {
      bad('DOTDIGITAL_API_URL', maskUrl(options.apiUrl), "use your region's API host, e.g. https://r1-api.dotdigital.com (no path, no credentials), or leave it unset to discover it");
    }
  }
  for (const [variables, keys] of CHECKED) {
    // A statement per locale comes from several variables: checkLocaleOptions names the one at fault.
    const given = Object.fromEntries(keys.filter((key) => options[key] !== undefined && !(key === 'consentText' && typeof options[key] === 'object')).map((key) => [key, options[key]]));
    if (Object.keys(given).length === 0) continue;
    try {
      resolveOptions({ apiUser: 'u', apiPassword: 'p', consentText: 'c', ...given, logger: false });
    } catch (error) {
      const set = variables.filter((name) => env[name] !== undefined);
      const why = (error as Error).message.replace(/^createSignupHandler: /, '').replace(/ \(see README, "Proxy options"\)\.$/, '');
      if (set.length === 1) bad(set[0]!, env[set[0]!]!.slice(0, 200), why);
      throw new Error(`${set.join(' and ')} do not go together: ${why} (see README, "Proxy options").`);
    }
  }
}

// MAX/SECONDS (`10/60`) or `off`; unset or blank: undefined.
function perWindow(env: Env, name: string, example: string): { max: number; windowMs: number } | false | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  if (value === 'off') return false;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  if (match && Number(match[1]) > 0 && Number(match[2]) > 0) return { max: Number(match[1]), windowMs: Number(match[2]) * 1000 };
  return bad(name, value, `use MAX/SECONDS, ${example}`);
}

// SIGNUP_HUMAN_CHECK: proof-of-work (default), off, or a vendor with SIGNUP_HUMAN_CHECK_SITE_KEY and SIGNUP_HUMAN_CHECK_SECRET.
function humanCheckFromEnv(env: Env): SignupHandlerOptions['humanCheck'] {
  const kind = env.SIGNUP_HUMAN_CHECK?.trim();
  const siteKey = env.SIGNUP_HUMAN_CHECK_SITE_KEY?.trim() ?? '';
  const secret = env.SIGNUP_HUMAN_CHECK_SECRET?.trim() ?? '';
  if (!kind) return undefined;
  if (kind === 'proof-of-work' || kind === 'off') return kind;
  if (kind !== 'turnstile' && kind !== 'hcaptcha' && kind !== 'recaptcha') return bad('SIGNUP_HUMAN_CHECK', kind, 'use proof-of-work (default), turnstile, hcaptcha, recaptcha or off (README, "Bot defense")');
  if (!siteKey || !secret) throw new Error(`SIGNUP_HUMAN_CHECK=${kind} needs SIGNUP_HUMAN_CHECK_SITE_KEY and SIGNUP_HUMAN_CHECK_SECRET from the vendor's dashboard (README, "Bot defense").`);
  return { kind, siteKey, secret };
}

function parseFields(text: string): AllowedField[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    bad('SIGNUP_FIELDS', text.slice(0, 60), 'use a JSON array like [{"name":"FIRSTNAME","label":"First name","required":true}]');
  }
  if (!Array.isArray(value)) bad('SIGNUP_FIELDS', text.slice(0, 60), 'use a JSON array of { name, label, type?, required? }');
  return value as AllowedField[];
}
