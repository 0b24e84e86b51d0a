import { isPreferenceCategory, offeredPreferences, type FormDefinition, type FormField, type FormPreference, type FormPreferenceCategory } from '../../core/index.js';
import type { DotdigitalPreference } from '../dotdigital/dotdigital-client.js';
import { publicPreferences } from './public-preferences.js';
import { humanCheckInfo, type ResolvedHumanCheck } from '../bots/human-check-options.js';

/** The form definition with everything the proxy derives from it, computed once per refresh. */
export interface DefinitionSnapshot {
  definition: FormDefinition;
  /** The definition as the JSON text answered on `GET`. */
  json: string;
  /** Strong ETag of `json`. */
  etag: string;
  /** The tickable preference ids the form shows. */
  offered: Set<number>;
  /** Dotdigital's whole preference tree, private preferences included. */
  accountTree: DotdigitalPreference[];
}

/** What the definition says beyond Dotdigital's tree: the handler's options it shows. */
export interface DefinitionSettings {
  consentText: string;
  optInType: 'Single' | 'VerifiedDouble';
  fields: FormField[];
  /** The configured preference and category ids; undefined: every public one. */
  preferences: ReadonlySet<number> | undefined;
  /** The human check, of which only the kind and a vendor's site key are shown. */
  humanCheck?: ResolvedHumanCheck;
}

/**
 * Builds the form definition from Dotdigital's preference tree: public preferences only,
 * in Dotdigital's order, narrowed to the configured `preferences` when given.
 *
 * @example
 * const snapshot = await definitionSnapshot(await client.getPreferences(), resolved, consentVersion);
 * snapshot.etag; // '"3f2a…"'
 */
export async function definitionSnapshot(tree: DotdigitalPreference[], options: DefinitionSettings, version: string): Promise<DefinitionSnapshot> {
  const chosen = options.preferences;
  const preferences = chosen ? narrow(publicPreferences(tree), chosen) : publicPreferences(tree);
  const definition: FormDefinition = {
    preferences,
    consent: { text: options.consentText, version },
    fields: options.fields,
    doubleOptIn: options.optInType === 'VerifiedDouble',
  };
  const humanCheck = options.humanCheck && humanCheckInfo(options.humanCheck);
  if (humanCheck) definition.humanCheck = humanCheck;
  const json = JSON.stringify(definition);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(json));
  const etag = `"${[...new Uint8Array(digest)].slice(0, 12).map((b) => b.toString(16).padStart(2, '0')).join('')}"`;
  const offered = new Set(offeredPreferences(definition).map((p) => p.id));
  return { definition, json, etag, offered, accountTree: tree };
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

// A category id keeps the whole category; a preference id keeps that preference (and its category's heading).
function narrow(items: Array<FormPreference | FormPreferenceCategory>, chosen: ReadonlySet<number>): Array<FormPreference | FormPreferenceCategory> {
  return items.flatMap((item) => {
    if (!isPreferenceCategory(item)) return chosen.has(item.id) ? [item] : [];
    if (chosen.has(item.id)) return [item];
    const kept = item.preferences.filter((p) => chosen.has(p.id));
    return kept.length > 0 ? [{ ...item, preferences: kept }] : [];
  });
}
