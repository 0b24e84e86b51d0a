import type { AllowedField, SignupHandlerOptions } from '../signup-handler-options.js';

/** The default consent statement of `dotdigital-signup serve` when `SIGNUP_CONSENT_TEXT` is unset. */
export const DEFAULT_CONSENT_TEXT =
  'Yes, please email me news and offers. I can unsubscribe at any time using the link in every email. See our privacy notice for how we use your data.';

/**
 * Reads the proxy's options from environment variables (README, "Proxy options"). Only
 * adapters call this; the handler itself takes options from its caller. A value that
 * cannot be read throws an error naming the variable and the expected form.
 *
 * @example
 * createSignupHandler(optionsFromEnv(process.env));
 */
export function optionsFromEnv(env: Record<string, string | undefined>): SignupHandlerOptions {
  const apiUser = env.DOTDIGITAL_API_USER ?? '';
  const apiPassword = env.DOTDIGITAL_API_PASSWORD ?? '';
  if (!apiUser || !apiPassword) {
    throw new Error(
      'Set DOTDIGITAL_API_USER and DOTDIGITAL_API_PASSWORD to your Dotdigital API user ' +
        '(Settings → Access → API users), or run `npm start` for the demo with the built-in mock.',
    );
  }
  const value = (name: string) => (env[name] ?? '').trim() || undefined;
  const list = (name: string) => (value(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const whole = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text)) throw new Error(`${name} must be a whole number, not "${text}".`);
    return Number(text);
  };
  const optInType = value('SIGNUP_OPT_IN_TYPE') ?? 'Single';
  if (optInType !== 'Single' && optInType !== 'VerifiedDouble') {
    throw new Error(`SIGNUP_OPT_IN_TYPE must be Single or VerifiedDouble, not "${optInType}".`);
  }
  const options: SignupHandlerOptions = {
    apiUser,
    apiPassword,
    consentText: value('SIGNUP_CONSENT_TEXT') ?? DEFAULT_CONSENT_TEXT,
    optInType,
    allowedOrigins: list('SIGNUP_ALLOWED_ORIGINS'),
  };
  const apiUrl = value('DOTDIGITAL_API_URL');
  if (apiUrl) options.apiUrl = apiUrl;
  const addressBookId = whole('SIGNUP_ADDRESS_BOOK_ID', value('SIGNUP_ADDRESS_BOOK_ID'));
  if (addressBookId !== undefined) options.addressBookId = addressBookId;
  const preferences = list('SIGNUP_PREFERENCES').map((id) => whole('SIGNUP_PREFERENCES', id)!);
  if (preferences.length > 0) options.preferences = preferences;
  const fields = value('SIGNUP_FIELDS');
  if (fields) options.fields = parseFields(fields);
  const hops = whole('SIGNUP_TRUSTED_PROXY_HOPS', value('SIGNUP_TRUSTED_PROXY_HOPS'));
  if (hops !== undefined) options.trustedProxyHops = hops;
  const header = value('SIGNUP_CLIENT_IP_HEADER');
  if (header) options.clientIpHeader = header;
  const rate = value('SIGNUP_RATE_LIMIT');
  if (rate) options.rateLimit = parseRateLimit(rate);
  const cache = whole('SIGNUP_DEFINITION_CACHE_SECONDS', value('SIGNUP_DEFINITION_CACHE_SECONDS'));
  if (cache !== undefined) options.definitionCacheSeconds = cache;
  return options;
}

// `10/60` is 10 signups per address per 60 seconds; `off` turns the limit off.
function parseRateLimit(text: string): SignupHandlerOptions['rateLimit'] {
  if (text === 'off') return false;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new Error(`SIGNUP_RATE_LIMIT must look like 10/60 (signups per address per seconds) or off, not "${text}".`);
  }
  return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}

function parseFields(text: string): AllowedField[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed as AllowedField[];
  } catch {
    // fall through to the message below
  }
  throw new Error('SIGNUP_FIELDS must be a JSON array such as [{"name":"FIRSTNAME","label":"First name","required":true}].');
}
