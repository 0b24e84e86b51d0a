// The HTML form that works before (or without) JavaScript posts these names as the browser's own
// `application/x-www-form-urlencoded` submit. One table, read by the server-rendered form (to name
// its inputs) and by the proxy (to read them back). Free of zod, so the widget can import it cheaply.

/**
 * The `name` of each input of a signup `<form method="post">`. Data fields are `fields.` + the
 * field's name (`fields.FIRSTNAME`); `preferences` is repeated, once per ticked box (`value` its
 * id), or a box is named `preferences.p{id}` as react-hook-form names it (`<SignupForm>`'s). The
 * consent inputs are hidden: the text and version the form showed, its language, the page's URL (without it
 * the proxy takes the `Referer`), and the time (without it, the server's). `formId` is echoed
 * back as the fragment of the URL the proxy redirects to, so the page scrolls to that form
 * and knows which of several forms the outcome is for.
 *
 * @example
 * `<input type="email" name="${SIGNUP_FORM_FIELDS.email}">`
 * `<input type="checkbox" name="${SIGNUP_FORM_FIELDS.preferences}" value="21">`
 * `<input name="${SIGNUP_FORM_FIELDS.fieldPrefix}FIRSTNAME">`
 */
export const SIGNUP_FORM_FIELDS = {
  email: 'email',
  preferences: 'preferences',
  /** `preferences.p21`: a ticked box named the way react-hook-form holds it (any value). */
  preferencePrefix: 'preferences.p',
  fieldPrefix: 'fields.',
  consentText: 'consent.text',
  consentVersion: 'consent.version',
  /** The form's language (optional): the proxy asks the confirmation email in it. */
  consentLocale: 'consent.locale',
  consentedAt: 'consent.consentedAt',
  pageUrl: 'consent.pageUrl',
  /** Also the JSON body's name for it: signup-request.ts's HONEYPOT_FIELD is this entry. */
  honeypot: 'honeypot',
  formId: 'formId',
  /** The human check's answer (a form whose script ran fills it); without one the post spends the no-JavaScript budget. */
  proof: 'proof',
} as const;

/** What the server fills in when a posted form leaves it out. */
export interface SignupFormDefaults {
  /** The server's time, ISO 8601: a form rendered on the server cannot know when it is submitted. */
  consentedAt: string;
  /** The request's `Referer`, when the form carries no page URL. */
  pageUrl?: string | undefined;
}

/**
 * Reads a posted signup form into the JSON body of `POST {endpoint}`, for the same schema and
 * checks. Names not in {@link SIGNUP_FORM_FIELDS} are ignored; a preference id that is not a
 * whole number is kept as `NaN`, so the schema refuses it rather than dropping it.
 *
 * @example
 * signupRequestFromForm(new URLSearchParams('email=ann%40example.com&preferences=21&preferences.p9=on'), { consentedAt: new Date().toISOString() });
 * // { email: 'ann@example.com', preferences: [21, 9], fields: {}, consent: { consentedAt: '…' } }
 */
export function signupRequestFromForm(form: URLSearchParams, defaults: SignupFormDefaults): Record<string, unknown> {
  const names = SIGNUP_FORM_FIELDS;
  const preferences: string[] = [];
  const body: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  const consent: Record<string, string> = {};
  const consentKeys: Record<string, string> = { [names.consentText]: 'text', [names.consentVersion]: 'version', [names.consentLocale]: 'locale', [names.consentedAt]: 'consentedAt', [names.pageUrl]: 'pageUrl' };
  for (const [key, value] of form) {
    if (key === names.email || key === names.honeypot || key === names.proof) body[key] = value;
    else if (key === names.preferences) preferences.push(value);
    else if (key.startsWith(names.preferencePrefix)) preferences.push(key.slice(names.preferencePrefix.length));
    else if (key.startsWith(names.fieldPrefix)) fields[key.slice(names.fieldPrefix.length)] = value;
    else if (Object.hasOwn(consentKeys, key)) consent[consentKeys[key]!] = value;
  }
  if (!consent.consentedAt) consent.consentedAt = defaults.consentedAt;
  if (!consent.pageUrl && defaults.pageUrl) consent.pageUrl = defaults.pageUrl;
  body.preferences = preferences.map((id) => (/^\s*\d+\s*$/.test(id) ? Number(id) : Number.NaN));
  body.fields = fields;
  body.consent = consent;
  return body;
}
