import { expect, it } from 'vitest';
import { DOTDIGITAL_LOCALES, dotdigitalLocale } from '../../../src/server/dotdigital/dotdigital-locale.js';
import { MOCK_PREFERRED_LOCALES } from '../../../src/mock/wire/mock-preferred-locale.js';

it('maps a form\'s language to Dotdigital\'s preferredLocale, or to none', () => {
  const cases: Array<[string | undefined, string | undefined]> = [
    ['de', 'de-DE'], ['de-AT', 'de-DE'], ['de_ch', 'de-DE'], ['fr-CA', 'fr-FR'], ['nl-BE', 'nl-NL'], ['es', 'es'], ['es-ES', 'es-ES'], ['es-MX', 'es'],
    ['en', 'en-GB'], ['en-US', 'en-GB'], ['en-GB', 'en-GB'], ['sv-SE', 'se-SE'], ['no', 'nb-NO'], ['nn', 'nb-NO'], ['pt-BR', 'pt-PT'], ['cs', 'cs-CS'],
    ['zh', 'zh-CN'], ['zh-Hans-CN', 'zh-CN'], ['zh-TW', undefined], ['zh-Hant', undefined],
    ['ar', undefined], ['he-IL', undefined], ['ja', undefined], ['', undefined], [undefined, undefined], ['not a tag', undefined],
  ];
  expect(cases.map(([tag]) => [tag, dotdigitalLocale(tag)])).toEqual(cases);
});

it('names only values Dotdigital lists, the same list the mock holds it to', () => {
  expect([...DOTDIGITAL_LOCALES]).toEqual([...MOCK_PREFERRED_LOCALES]);
});
