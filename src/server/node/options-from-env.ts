import type { SignupHandlerOptions } from '../signup-handler-options.js';

/** The default consent statement of `dotdigital-signup serve` when `SIGNUP_CONSENT_TEXT` is unset. */
export const DEFAULT_CONSENT_TEXT =
  'Yes, please email me news and offers. I can unsubscribe at any time using the link in every email. See our privacy notice for how we use your data.';

/**
 * Reads the proxy's options from environment variables (README, "Proxy options").
 * Only adapters call this; the handler itself takes options from its caller.
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
  const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const optInType = env.SIGNUP_OPT_IN_TYPE === 'VerifiedDouble' ? 'VerifiedDouble' : 'Single';
  return {
    apiUser,
    apiPassword,
    ...(env.DOTDIGITAL_API_URL ? { apiUrl: env.DOTDIGITAL_API_URL } : {}),
    consentText: env.SIGNUP_CONSENT_TEXT || DEFAULT_CONSENT_TEXT,
    optInType,
    allowedOrigins: list(env.SIGNUP_ALLOWED_ORIGINS),
  };
}
