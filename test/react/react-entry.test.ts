import { expect, it } from 'vitest';
import * as entry from '../../src/index.js';

// The public surface of `dotdigital-signup` (the React entry). Adding to it is a decision:
// change this list on purpose, and document the new export in the README.
it('exports exactly these names', () => {
  expect(Object.keys(entry).sort()).toEqual([
    'ConsentStatement',
    'DataField',
    'EmailField',
    'ErrorSummary',
    'HoneypotField',
    'PreferenceFieldset',
    'SIGNUP_ERROR_CODES',
    'SIGNUP_LOCALES',
    'SignupError',
    'SignupForm',
    'SignupStatusPanel',
    'createSignupClient',
    'englishMessages',
    'issueTarget',
    'loadSignupMessages',
    'signupFormIds',
    'signupFormStyles',
    'useSignupForm',
  ]);
});
