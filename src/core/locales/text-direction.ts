import type { SignupMessages } from '../messages.js';

// Letters of the right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic
// (U+0590–U+08FF). The presentation forms (U+FB1D–U+FEFC) are left out: text typed today does not
// use them, and their ranges cost the script tag 21 B gzip. The messages' own words say the
// direction, whatever their `locale` is called: a tag list would weigh more in the script tag.

/**
 * The direction a form's messages are written in, for `dir`: `rtl` when their button is in a
 * right-to-left script (Arabic, Hebrew, Persian, Urdu…), else `ltr`. A language passed as
 * `messages` in such a script renders mirrored; a headless UI puts it on its own root.
 *
 * @example
 * textDirection(arabicMessages);  // 'rtl'
 * textDirection(germanMessages);  // 'ltr'
 */
export function textDirection(messages: Pick<SignupMessages, 'submit'>): 'ltr' | 'rtl' {
  return /[\u0590-\u08ff]/.test(messages.submit) ? 'rtl' : 'ltr';
}
