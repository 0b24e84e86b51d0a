import type { FormField } from '../../core/index.js';
import { canonicalLocale, localeChain } from '../shared/locale-tag.js';
import { inLocale, localeValues, visibleText, type LocaleValues } from './per-locale.js';

/** A data field as configured: name, type and `required` checked, its label one text or one per locale. */
export interface ConfiguredField extends Omit<FormField, 'label'> {
  label: string | Record<string, string>;
}

/** The per-locale options, as the caller gave them. */
export interface LocaleSettingsInput {
  consentText: unknown;
  defaultLocale?: unknown;
  preferenceLabels?: unknown;
  fields: ConfiguredField[];
}

/** What the form of one configured locale shows. */
export interface LocalizedSettings {
  /** A canonical BCP 47 tag, e.g. `de-AT`. */
  locale: string;
  consentText: string;
  /**
   * The locale the statement was configured under (`de` for a `de-AT` form taking `de`'s);
   * `undefined` when `consentText` is one string for every locale, which says no language.
   */
  consentLocale: string | undefined;
  /** The data fields with their labels in this locale. */
  fields: FormField[];
  /** Preference and category labels by id; an id not here shows Dotdigital's name. */
  labels: ReadonlyMap<number, string>;
}

/** The locales the proxy speaks, and which one a form asking for a language gets. */
export interface LocaleSettings {
  defaultLocale: string;
  /** Every configured locale's settings, the default first. */
  all: readonly LocalizedSettings[];
  /**
   * The settings a form asking for `tag` gets: the tag's own, else its language's (`de-AT` →
   * `de`), else the default locale's. Never fails: a tag that is no language tag gets the default.
   */
  resolve(tag: string | null | undefined): LocalizedSettings;
}

/**
 * Checks and resolves the per-locale options once, at start-up: `consentText` (one text, or one
 * per locale with the default's), `preferenceLabels` and each field's `label`. A locale any of
 * them names is configured, and must then be complete: its consent statement and every field
 * label, its own or its language's (`de-AT` may take `de`'s) — else its form would ask for
 * consent in another language, and this fails naming the locale and the key to add. Preference
 * labels may be partial: the ones left out show Dotdigital's names.
 *
 * @example
 * const locales = resolveLocaleSettings({ consentText: { en: 'Yes…', de: 'Ja…' }, defaultLocale: undefined, preferenceLabels: undefined, fields: [] }, fail);
 * locales.resolve('de-AT').consentText; // 'Ja…'
 */
export function resolveLocaleSettings(input: LocaleSettingsInput, fail: (problem: string) => never): LocaleSettings {
  const defaultLocale = canonicalLocale(typeof input.defaultLocale === 'string' ? input.defaultLocale : input.defaultLocale === undefined ? 'en' : '');
  if (!defaultLocale) fail(`\`defaultLocale\` must be a language tag such as 'en' or 'de-AT', not ${JSON.stringify(input.defaultLocale)?.slice(0, 40)}`);
  const text = (value: unknown, where: string) => visibleText(value, where, fail);
  const everywhere = typeof input.consentText === 'string' ? text(input.consentText, 'consentText') : undefined;
  const consent = everywhere === undefined ? localeValues(input.consentText, 'consentText', text, fail) : new Map() as LocaleValues<string>;
  const labels = input.preferenceLabels === undefined ? new Map() as LocaleValues<Map<number, string>> : localeValues(input.preferenceLabels, 'preferenceLabels', (value, where) => labelsById(value, where, fail), fail);
  const fieldLabels = input.fields.map((field, index) => (typeof field.label === 'string' ? undefined : localeValues(field.label, `fields[${index}].label`, text, fail)));

  // Where each configured locale was first named, so a message can say why it must be complete.
  const named = new Map<string, string>([[defaultLocale, '`defaultLocale`']]);
  for (const values of [consent, labels, ...fieldLabels]) for (const [locale, { where }] of values ?? []) if (!named.has(locale)) named.set(locale, `\`${where}\``);

  const all = [...named].map(([locale, where]): LocalizedSettings => {
    const missing = (key: string) => {
      const parent = localeChain(locale)[1];
      return fail(`\`${key}\` has nothing for ${locale}${parent ? ` (nor for ${parent})` : ''}, which ${where} configures: add \`${key}.${locale}\`${locale === defaultLocale ? ', or set `defaultLocale` to a locale it has' : `, or the form in ${locale} shows it in another language`}`);
    };
    const fields = input.fields.map((field, index) => ({ ...field, label: typeof field.label === 'string' ? field.label : (inLocale(fieldLabels[index]!, locale) ?? missing(`fields[${index}].label`)) }));
    // The language's labels first, the locale's own over them: de-AT may change one of de's.
    const merged = new Map<number, string>();
    for (const tag of localeChain(locale).reverse()) for (const [id, label] of labels.get(tag)?.value ?? []) merged.set(id, label);
    const consentLocale = everywhere === undefined ? (localeChain(locale).find((tag) => consent.has(tag)) ?? missing('consentText')) : undefined;
    return { locale, consentText: everywhere ?? consent.get(consentLocale!)!.value, consentLocale, fields, labels: merged };
  });
  const byLocale = new Map(all.map((settings) => [settings.locale, settings]));
  const fallback = all[0]!;
  return {
    defaultLocale,
    all,
    resolve(tag) {
      const canonical = canonicalLocale(tag);
      for (const candidate of canonical ? localeChain(canonical) : []) {
        const found = byLocale.get(candidate);
        if (found) return found;
      }
      return fallback;
    },
  };
}

function labelsById(value: unknown, where: string, fail: (problem: string) => never): Map<number, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`\`${where}\` must be an object of labels by preference id, e.g. { 9: 'E-Mail' }`);
  return new Map(Object.entries(value).map(([id, label]) => {
    if (!/^[1-9]\d{0,9}$/.test(id)) fail(`\`${where}\`: ${JSON.stringify(id.slice(0, 40))} is not a preference or category id (a whole number from Dotdigital)`);
    return [Number(id), visibleText(label, `${where}.${id}`, fail)];
  }));
}
