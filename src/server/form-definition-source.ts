import type { FormDefinition } from '../core/index.js';
import { consentVersion } from './consent-version.js';
import { createDefinitionCache, type CachedEntry } from './definition-cache.js';
import { DotdigitalApiError } from './dotdigital/dotdigital-api-error.js';
import type { DotdigitalClient, DotdigitalPreference } from './dotdigital/dotdigital-client.js';
import { hasUnshownPreferences } from './preference-write.js';
import { offeredPreferenceIds, publicPreferences } from './public-preferences.js';
import type { ResolvedOptions } from './resolve-options.js';
import { describeUpstream } from './upstream-kind.js';
import { withRetry, type UpstreamGate } from './with-retry.js';

/** The form definition and what the POST path needs from the same load. */
export interface DefinitionState {
  definition: FormDefinition;
  /** Dotdigital's whole tree, private preferences included. */
  accountTree: DotdigitalPreference[];
  /** The preference ids the form offers. */
  offered: Set<number>;
  /** Whether some account preference is not on the form (then a contact's are read first). */
  hasUnshown: boolean;
}

// A definition whose reload keeps failing is served this long past fresh before giving up.
const MAX_STALE_MS = 24 * 60 * 60 * 1000;

/**
 * The cached form definition: one `GET /v2/preferences` per cache period however many
 * visitors ask, stale-while-revalidate, and a precomputed JSON body and ETag.
 *
 * @example
 * const source = createFormDefinitionSource(client, resolved, gate);
 * const { json, etag } = await source.get();
 */
export function createFormDefinitionSource(
  client: DotdigitalClient,
  options: ResolvedOptions,
  gate: UpstreamGate,
): { get(): Promise<CachedEntry<DefinitionState>> } {
  const version = consentVersion(options.consentText);
  let warned = false;

  async function load(): Promise<DefinitionState> {
    const { clock, retry } = options;
    const accountTree = await withRetry(() => preferenceTree(client), { deadline: clock.now() + retry.budgetMs, clock, gate, policy: retry });
    const preferences = publicPreferences(accountTree, options.preferences);
    const definition: FormDefinition = {
      preferences,
      consent: { text: options.consentText, version: await version },
      fields: options.fields,
      doubleOptIn: options.optInType === 'VerifiedDouble',
    };
    const offered = offeredPreferenceIds(definition);
    if (!warned && options.preferences) {
      warned = true;
      const known = publicPreferences(accountTree);
      const publicIds = new Set([...offeredPreferenceIds({ preferences: known }), ...known.map((item) => item.id)]);
      const missing = [...options.preferences].filter((id) => !publicIds.has(id));
      if (missing.length > 0) {
        options.logger.warn('Some ids in `preferences` are not public preferences or categories in Dotdigital, so the form does not show them', { ids: missing });
      }
    }
    return { definition, accountTree, offered, hasUnshown: hasUnshownPreferences(accountTree, offered) };
  }

  return createDefinitionCache<DefinitionState>({
    load,
    toJson: (state) => JSON.stringify(state.definition),
    ttlMs: options.definitionTtlMs,
    maxStaleMs: MAX_STALE_MS,
    clock: options.clock,
    onRefreshError: (error) => options.logger.warn('Could not refresh the form definition; serving the cached one', describeUpstream(error)),
  });
}

// A 2xx that is not a preference list is Dotdigital misbehaving, not a bug here: retry it.
async function preferenceTree(client: DotdigitalClient): Promise<DotdigitalPreference[]> {
  const tree: unknown = await client.getPreferences();
  if (!Array.isArray(tree) || !tree.every((item) => typeof item?.id === 'number' && typeof item?.publicName === 'string')) {
    throw new DotdigitalApiError(502, undefined, 'Dotdigital answered GET /v2/preferences with something that is not a preference list');
  }
  return tree as DotdigitalPreference[];
}
