import { expect, it } from 'vitest';
import { withDemoLanguages } from '../../src/demo/demo-languages.js';
import { createMockDotdigital, DEMO_API_PASSWORD, DEMO_API_USER } from '../../src/mock/index.js';
import { createSignupHandler } from '../../src/server/index.js';
import { DEFAULT_CONSENT_TEXT, optionsFromEnv } from '../../src/server/node/index.js';

const labels = (definition: { preferences: Array<{ label: string; preferences?: Array<{ label: string }> }> }) =>
  definition.preferences.flatMap((item) => [item.label, ...(item.preferences ?? []).map((p) => p.label)]);

it('the demo speaks five languages (and Arabic) wholly: every statement and every label its own, none left in English', async () => {
  const mock = createMockDotdigital();
  const env = withDemoLanguages({ DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD }, { mock: true });
  const handler = createSignupHandler({ ...optionsFromEnv(env), apiUrl: 'https://mock.example', fetch: mock.fetch, logger: false });
  const english = await handler.formDefinition({ locale: 'en' });
  expect(english.consent.text).toBe(DEFAULT_CONSENT_TEXT);
  for (const locale of ['de', 'fr', 'es', 'nl', 'ar']) {
    const definition = await handler.formDefinition({ locale });
    expect(definition.locale).toBe(locale);
    expect(definition.consent.text).not.toBe(english.consent.text);
    const [ours, theirs] = [labels(definition), labels(english)];
    expect(ours.filter((label, index) => label === theirs[index]), `${locale} labels left in English`).toEqual([]);
  }
});

it('leaves what the person running the demo set, and labels only the mock\'s account (a real one has other ids)', () => {
  expect(withDemoLanguages({ SIGNUP_CONSENT_TEXT: 'Mine.' }, { mock: true })).toMatchObject({ SIGNUP_CONSENT_TEXT: 'Mine.', SIGNUP_PREFERENCE_LABELS_DE: expect.any(String) });
  expect(withDemoLanguages({ SIGNUP_CONSENT_TEXT: 'Mine.' }, { mock: true })).not.toHaveProperty('SIGNUP_CONSENT_TEXT_DE');
  expect(Object.keys(withDemoLanguages({}, { mock: false })).filter((name) => name.startsWith('SIGNUP_PREFERENCE_LABELS'))).toEqual([]);
});
