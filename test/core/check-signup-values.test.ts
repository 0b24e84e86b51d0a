import { describe, expect, it } from 'vitest';
import { checkSignupValues, englishMessages, signupRequestSchema } from '../../src/core/index.js';
import { DEFINITION } from '../support/widget-fixture.js';

const addresses = [
  'ann@example.com', ' ann@example.com ', 'ann.lee+news@sub.example.co.uk', "o'neil@example.ie", 'a_b-c@ex-ample.org',
  'ann@', 'ann@example', '@example.com', 'ann example@example.com', 'ann@@example.com', 'ann@example..com', '.ann@example.com',
  'ann.@example.com', 'ann@-example.com', 'ann@example.c', 'ännä@example.com', 'ann@exämple.com', `${'a'.repeat(243)}@example.com`,
  `${'a'.repeat(242)}@example.com`, 'ANN@EXAMPLE.COM', 'ann@127.0.0.1', 'ann@[127.0.0.1]', '"ann"@example.com',
];

describe('the browser’s email rule', () => {
  it.each(addresses)('agrees with the proxy’s schema on %j', (address) => {
    const server = signupRequestSchema.shape.email.safeParse(address).success;
    const browser = checkSignupValues({ email: address, preferences: {}, fields: {}, honeypot: '' }, DEFINITION, englishMessages).length === 0;
    expect(browser).toBe(server);
  });
});

describe('checkSignupValues', () => {
  it('finds every problem at once, one per control, in form order, each with its protocol code and words', () => {
    const definition = { ...DEFINITION, fields: [{ name: 'AGE', label: 'Age', type: 'Numeric' as const, required: true }, { name: 'CITY', label: 'City', type: 'String' as const, required: true }] };
    expect(checkSignupValues({ email: 'ann@', fields: { AGE: 'x' } }, definition, englishMessages)).toEqual([
      { code: 'invalid_email', field: 'email', message: englishMessages.errors.invalid_email },
      { code: 'invalid_field', field: 'fields.AGE', message: 'Age must be a number' },
      { code: 'missing_field', field: 'fields.CITY', message: 'Enter city' },
    ]);
  });
});
