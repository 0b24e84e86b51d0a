import { isPreferenceCategory, offeredPreferences, type FormDefinition, type FormPreference, type FormPreferenceCategory } from '../../core/index.js';
import type { DotdigitalPreference } from '../dotdigital/dotdigital-client.js';
import type { ConsentCatalog } from './consent-catalog.js';
import type { LocaleSettings } from './locale-settings.js';
import { publicPreferences } from './public-preferences.js';
import { humanCheckInfo, type ResolvedHumanCheck } from '../bots/human-check-options.js';

/** The form definition of one locale, as `GET {endpoint}?locale=…` answers it. */
export interface LocalizedDefinition {
  /** The configured locale it is in (canonical: `de-AT`). */
  locale: string;
  definition: FormDefinition;
  /** The definition as the JSON text answered on `GET`. */
  json: string;
  /** Strong ETag of `json`: one per locale, so caches keep each language apart. */
  etag: string;
}

/**
 * The form definition with everything the proxy derives from it, computed once per refresh:
 * the default locale's definition (its own fields), every configured locale's, and what all
 * of them share (the preferences offered, Dotdigital's tree).
 */
export interface DefinitionSnapshot extends LocalizedDefinition {
  /** The tickable preference ids the form shows (the same in every locale). */
  offered: Set<number>;
  /** Dotdigital's whole preference tree, private preferences included. */
  accountTree: DotdigitalPreference[];
  /** The definition a form asking for `tag` gets (LocaleSettings.resolve: `de-AT` → `de` → the default). */
  localized(tag: string | null | undefined): LocalizedDefinition;
}

/** What the definition says beyond Dotdigital's tree: the handler's options it shows. */
export interface DefinitionSettings {
  optInType: 'Single' | 'VerifiedDouble';
  /** The configured preference and category ids; undefined: every public one. */
  preferences: ReadonlySet<number> | undefined;
  /** The consent statement, preference and field labels of each locale. */
  locales: LocaleSettings;
  /** The human check, of which only the kind and a vendor's site key are shown. */
  humanCheck?: ResolvedHumanCheck;
}

/**
 * Builds the form definition of every configured locale from Dotdigital's preference tree:
 * public preferences only, in Dotdigital's order, narrowed to the configured `preferences`
 * when given, labelled in the locale (Dotdigital's name where the site has no label).
 *
 * @example
 * const snapshot = await definitionSnapshot(await client.getPreferences(), resolved, createConsentCatalog(resolved.locales));
 * snapshot.localized('de').etag; // '"3f2a…"'
 */
export async function definitionSnapshot(tree: DotdigitalPreference[], options: DefinitionSettings, consent: ConsentCatalog): Promise<DefinitionSnapshot> {
  const chosen = options.preferences;
  const preferences = chosen ? narrow(publicPreferences(tree), chosen) : publicPreferences(tree);
  const humanCheck = options.humanCheck && humanCheckInfo(options.humanCheck);
  const localized = await Promise.all(options.locales.all.map(async (settings): Promise<LocalizedDefinition> => {
    const { text, version } = await consent.forLocale(settings.locale);
    const definition: FormDefinition = {
      preferences: relabel(preferences, settings.labels),
      consent: { text, version },
      fields: settings.fields,
      doubleOptIn: options.optInType === 'VerifiedDouble',
      locale: settings.locale,
    };
    if (humanCheck) definition.humanCheck = humanCheck;
    const json = JSON.stringify(definition);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(json));
    const etag = `"${[...new Uint8Array(digest)].slice(0, 12).map((b) => b.toString(16).padStart(2, '0')).join('')}"`;
    return { locale: settings.locale, definition, json, etag };
  }));
  const byLocale = new Map(localized.map((entry) => [entry.locale, entry]));
  const offered = new Set(offeredPreferences(localized[0]!.definition).map((p) => p.id));
  return { ...localized[0]!, offered, accountTree: tree, localized: (tag) => byLocale.get(options.locales.resolve(tag).locale)! };
}

/**
 * The ticked ids the form does not offer, in ticking order: the one preference check a live
 * signup gets on arrival and a queued one at delivery, so both refuse the same ids.
 *
 * @example
 * notOffered(new Set([9, 42]), snapshot); // [42] when the form offers 9 only
 */
export function notOffered(ticked: Iterable<number>, snapshot: Pick<DefinitionSnapshot, 'offered'>): number[] {
  return [...ticked].filter((id) => !snapshot.offered.has(id));
}

// The site's label where it has one for the id, else Dotdigital's name.
function relabel(items: Array<FormPreference | FormPreferenceCategory>, labels: ReadonlyMap<number, string>): Array<FormPreference | FormPreferenceCategory> {
  const label = <T extends FormPreference>(item: T): T => ({ ...item, label: labels.get(item.id) ?? item.label });
  return items.map((item) => (isPreferenceCategory(item) ? { ...label(item), preferences: item.preferences.map(label) } : label(item)));
}

// A category id keeps the whole category; a preference id keeps that preference (and its category's heading).
function narrow(items: Array<FormPreference | FormPreferenceCategory>, chosen: ReadonlySet<number>): Array<FormPreference | FormPreferenceCategory> {
  return items.flatMap((item) => {
    if (!isPreferenceCategory(item)) return chosen.has(item.id) ? [item] : [];
    if (chosen.has(item.id)) return [item];
    const kept = item.preferences.filter((p) => chosen.has(p.id));
    return kept.length > 0 ? [{ ...item, preferences: kept }] : [];
  });
}
