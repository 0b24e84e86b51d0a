import { resolveLocaleSettings, type ConfiguredField } from '../definition/locale-settings.js';
import { canonicalLocale } from '../shared/locale-tag.js';
import type { SignupHandlerOptions } from '../signup-handler-options.js';
import { bad, type Env } from './env-values.js';

const CONSENT = 'SIGNUP_CONSENT_TEXT';
const LABELS = 'SIGNUP_PREFERENCE_LABELS';

/** The per-locale options `serve` reads. */
export type LocaleOptions = Pick<SignupHandlerOptions, 'consentText' | 'defaultLocale' | 'preferenceLabels'>;

/**
 * The per-locale options from the environment: `SIGNUP_CONSENT_TEXT` is the default locale's
 * statement (`SIGNUP_DEFAULT_LOCALE`, default `en`), and every locale's when no other is set;
 * `SIGNUP_CONSENT_TEXT_DE`, `SIGNUP_CONSENT_TEXT_DE_AT`… are one locale's each (the locale is
 * the name's end, `_` for `-`); `SIGNUP_PREFERENCE_LABELS_DE` is that locale's preference and
 * category labels as JSON, `{"2":"Wöchentlicher Newsletter"}`. One variable a text, so a long
 * statement needs no JSON quoting. `fallback` stands in for an unset default statement.
 *
 * @example
 * localeOptionsFromEnv({ SIGNUP_CONSENT_TEXT: 'Yes…', SIGNUP_CONSENT_TEXT_DE: 'Ja…' }, DEFAULT_CONSENT_TEXT);
 * // { consentText: { en: 'Yes…', de: 'Ja…' } }
 */
export function localeOptionsFromEnv(env: Env, fallback: string): LocaleOptions {
  const defaultLocale = env.SIGNUP_DEFAULT_LOCALE?.trim() || undefined;
  const consent = perLocale(env, CONSENT, (value) => value);
  const labels = perLocale(env, LABELS, (value, name) => labelObject(value, name));
  const own = env[CONSENT] || undefined;
  if (own?.trim() === '' && Object.keys(consent).length > 0) bad(CONSENT, own, 'set it to the default locale\'s consent statement, or unset it');
  const options: LocaleOptions = {
    consentText: Object.keys(consent).length === 0 ? (own ?? fallback) : { [defaultLocale ?? 'en']: own ?? fallback, ...consent },
  };
  if (defaultLocale) options.defaultLocale = defaultLocale;
  if (Object.keys(labels).length > 0) options.preferenceLabels = labels;
  return options;
}

/**
 * Runs the handler's per-locale checks on what the environment gave, so a locale left
 * incomplete is reported by the variable to set (`SIGNUP_CONSENT_TEXT_FR`), not the option.
 *
 * @example
 * checkLocaleOptions(options, fields); // throws 'SIGNUP_CONSENT_TEXT_FR …' when fr has labels but no statement
 */
export function checkLocaleOptions(options: LocaleOptions, fields: ConfiguredField[]): void {
  resolveLocaleSettings({ ...options, fields }, (problem) => {
    throw new Error(`${problem.replace(/`([A-Za-z]+)((?:\[\d+\])?)((?:\.[\w-]+)*)`/g, (_, option: string, index: string, path: string) => variableFor(option, index, path))} (see README, "Proxy options").`);
  });
}

// An option path of the handler's message, as the variable that sets it.
function variableFor(option: string, index: string, path: string): string {
  const locale = path.split('.')[1];
  const suffix = (tag: string | undefined) => (tag ? `_${tag.toUpperCase().replaceAll('-', '_')}` : '');
  if (option === 'consentText') return `${CONSENT}${suffix(locale)}`;
  if (option === 'preferenceLabels') return `${LABELS}${suffix(locale)}`;
  if (option === 'defaultLocale') return 'SIGNUP_DEFAULT_LOCALE';
  if (option === 'fields') return `SIGNUP_FIELDS (fields${index}${path})`;
  return `\`${option}${index}${path}\``;
}

// Every `${prefix}_<LOCALE>` variable set, by its locale.
function perLocale<T>(env: Env, prefix: string, read: (value: string, name: string) => T): Record<string, T> {
  const found: Record<string, T> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(`${prefix}_`) || value === undefined) continue;
    const locale = canonicalLocale(name.slice(prefix.length + 1));
    if (!locale) bad(name, value.slice(0, 60), `end the name with a language tag, e.g. ${prefix}_DE or ${prefix}_DE_AT`);
    found[locale] = read(value, name);
  }
  return found;
}

function labelObject(value: string, name: string): Record<number, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) bad(name, value.slice(0, 60), 'use a JSON object of labels by preference id, e.g. {"2":"Wöchentlicher Newsletter"}');
  return parsed as Record<number, string>;
}
