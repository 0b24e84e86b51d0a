import { expect, it } from 'vitest';
import { englishMessages, germanMessages, textDirection } from '../../src/core/index.js';
import { arabicMessages } from '../support/arabic-messages.js';

it('tells messages in a right-to-left script from the rest, by their own words', () => {
  const cases: Array<[string, string, 'ltr' | 'rtl']> = [
    ['Arabic', arabicMessages.submit, 'rtl'], ['Hebrew', 'הירשמו', 'rtl'], ['Persian', 'عضویت', 'rtl'], ['Urdu', 'سبسکرائب کریں', 'rtl'],
    ['Thaana', 'ސަބްސްކްރައިބް', 'rtl'],
    ['English', englishMessages.submit, 'ltr'], ['German', germanMessages.submit, 'ltr'], ['Greek', 'Εγγραφή', 'ltr'], ['Hindi', 'सदस्यता लें', 'ltr'], ['Chinese', '订阅', 'ltr'],
  ];
  expect(cases.map(([name, submit]) => [name, submit, textDirection({ submit })])).toEqual(cases);
});
