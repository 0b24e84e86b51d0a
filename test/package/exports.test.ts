import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Each public entry's export list, pinned (react-hook-form's assert-esm-exports): adding or
// removing an export is a deliberate change to the package's API, made here too. Read from
// the built files `package.json#exports` points at, as an installed package would be.
const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { exports: Record<string, string | { types: string; default: string }> };

const pinned: Record<string, string[]> = {
  '.': ['SIGNUP_ERROR_CODES', 'SIGNUP_LOCALES', 'SignupError', 'SignupForm', 'createSignupClient', 'englishMessages', 'loadSignupMessages', 'signupFormStyles', 'useSignupForm'],
  './core': [
    'HONEYPOT_FIELD',
    'MAX_EMAIL_LENGTH',
    'SIGNUP_ERROR_CODES',
    'SIGNUP_LOCALES',
    'SignupError',
    'createSignupClient',
    'englishMessages',
    'formDefinitionSchema',
    'isPreferenceCategory',
    'isSignupErrorCode',
    'loadSignupMessages',
    'loadedSignupMessages',
    'matchSignupLocale',
    'mergeSignupMessages',
    'offeredPreferences',
    'parseSignupRequest',
    'readFormDefinition',
    'signupRequestSchema',
  ],
  './server': ['SignupQueueFullError', 'consentVersion', 'createMemoryCallBudget', 'createMemoryDrainLock', 'createMemorySignupQueue', 'createSignupHandler', 'normalizeIp', 'startQueueDelivery'],
  './server/node': ['DEFAULT_CONSENT_TEXT', 'createFileSignupQueue', 'createNodeFetch', 'listenSignup', 'optionsFromEnv', 'queueFromEnv', 'toNodeListener'],
  './server/redis': ['createRedisStores'],
  './mock': ['DEMO_API_PASSWORD', 'DEMO_API_USER', 'createMockDotdigital', 'demoAddressBooks', 'demoDataFields', 'demoPreferences', 'listenMock'],
};

describe('package exports', () => {
  it('has exactly the entries DESIGN.md names, each with its types first', () => {
    expect(Object.keys(manifest.exports)).toEqual(['.', './core', './server', './server/node', './server/redis', './mock', './package.json']);
    for (const subpath of Object.keys(pinned)) {
      const target = manifest.exports[subpath] as { types: string; default: string };
      expect(Object.keys(target), subpath).toEqual(['types', 'default']);
      expect(existsSync(fileURLToPath(new URL(target.types, root))), `${target.types} (run npm run build)`).toBe(true);
    }
  });

  for (const [subpath, names] of Object.entries(pinned)) {
    it(`dotdigital-signup${subpath.slice(1)} exports exactly its pinned names`, async () => {
      const target = manifest.exports[subpath] as { default: string };
      const entry = (await import(fileURLToPath(new URL(target.default, root)))) as Record<string, unknown>;
      expect(Object.keys(entry).sort(), `update the pinned list in test/package/exports.test.ts if ${subpath} changed on purpose`).toEqual(names);
    });
  }
});
