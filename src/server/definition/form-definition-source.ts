import type { DotdigitalClient, DotdigitalPreference } from '../dotdigital/dotdigital-client.js';
import type { Retrying } from '../dotdigital/with-retries.js';
import type { SignupClock } from '../shared/signup-clock.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import type { ConsentCatalog } from './consent-catalog.js';
import { createDefinitionCache } from './definition-cache.js';
import { definitionSnapshot, type DefinitionSettings, type DefinitionSnapshot } from './definition-snapshot.js';
import { publicPreferences } from './public-preferences.js';

// A definition this old is no longer served while refreshing: the caller waits for a fresh one.
const MAX_STALE_MS = 24 * 60 * 60 * 1000;

/** The handler's form definition: cached, refreshed in the background, marked stale on demand. */
export interface FormDefinitionSource {
  get(): Promise<DefinitionSnapshot>;
  /** The definition, refreshed first when stale (queue delivery, which can wait). */
  fresh(): Promise<DefinitionSnapshot>;
  invalidate(): void;
}

/** What {@link createFormDefinitionSource} needs. */
export interface FormDefinitionSourceDeps {
  settings: DefinitionSettings & { fields: ReadonlyArray<{ name: string; type: string }> };
  consent: ConsentCatalog;
  client: Pick<DotdigitalClient, 'getPreferences' | 'getDataFields'>;
  retrying: Retrying;
  /** Time one load may take, retries included. */
  budgetMs: number;
  cacheMs: number;
  clock: Pick<SignupClock, 'now'>;
  logger: SignupLogger | undefined;
  warnOnce(key: string, ...warning: Parameters<SignupLogger['warn']>): void;
}

/**
 * The form definition as the handler serves it: loaded from Dotdigital's preference tree,
 * cached (see createDefinitionCache), with the configuration checked against Dotdigital
 * once: configured data fields Dotdigital lacks, and `preferences` ids it does not show.
 *
 * @example
 * const definition = createFormDefinitionSource({ settings, consent, client, retrying, budgetMs: 8_000, cacheMs: 60_000, clock, logger, warnOnce });
 * const snapshot = await definition.get();
 */
export function createFormDefinitionSource(deps: FormDefinitionSourceDeps): FormDefinitionSource {
  const { settings, client, retrying, clock, logger } = deps;
  let fieldsChecked = false;
  return createDefinitionCache({
    async load() {
      const deadline = clock.now() + deps.budgetMs;
      if (!fieldsChecked && settings.fields.length > 0) {
        fieldsChecked = true;
        checkDataFields(retrying(() => client.getDataFields(), deadline), settings, logger);
      }
      const tree = await retrying(() => client.getPreferences(), deadline);
      const hidden = notPublic(tree, settings.preferences);
      if (hidden.length > 0) deps.warnOnce('preferences', 'Some ids in `preferences` are not public preferences or categories in Dotdigital, so the form does not show them', { ids: hidden });
      const labelled = new Set(settings.locales.all.flatMap((locale) => [...locale.labels.keys()]));
      const unlabelled = notPublic(tree, labelled);
      if (unlabelled.length > 0) deps.warnOnce('preferenceLabels', 'Some ids in `preferenceLabels` are not public preferences or categories in Dotdigital, so their labels show nowhere', { ids: unlabelled });
      return definitionSnapshot(tree, settings, deps.consent);
    },
    ttlMs: deps.cacheMs,
    maxStaleMs: MAX_STALE_MS,
    now: () => clock.now(),
    logger,
  });
}

// Best effort, once: a configured field Dotdigital lacks would fail every signup that fills it in.
function checkDataFields(pending: Promise<Array<{ name: string; type: string }>>, settings: FormDefinitionSourceDeps['settings'], logger: SignupLogger | undefined): void {
  pending.then(
    (known) => {
      const types = new Map(known.map((field) => [field.name.toUpperCase(), field.type]));
      for (const field of settings.fields) {
        const type = types.get(field.name);
        if (type === undefined) logger?.error(`Data field ${field.name} does not exist in Dotdigital: create it (Settings → Data fields) or remove it from \`fields\``);
        else if (type !== field.type) logger?.warn(`Data field ${field.name} is ${type} in Dotdigital but configured as ${field.type}: set its \`type\` to ${type}`);
      }
    },
    () => undefined,
  );
}

// The configured ids that name no public preference or category: a typo, or one made private since.
function notPublic(tree: DotdigitalPreference[], chosen: ReadonlySet<number> | undefined): number[] {
  if (!chosen) return [];
  const visible = new Set(publicPreferences(tree).flatMap((item) => [item.id, ...('preferences' in item ? item.preferences.map((p) => p.id) : [])]));
  return [...chosen].filter((id) => !visible.has(id));
}
