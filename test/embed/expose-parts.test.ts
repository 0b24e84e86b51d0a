import { describe, expect, it } from 'vitest';
import { partsOf } from '../../src/embed/expose-parts.js';

describe('partsOf (the ::part() names of the script tag)', () => {
  it('names the root, each BEM element and each modifier', () => {
    expect(partsOf(['dd-signup'])).toBe('root');
    expect(partsOf(['dd-signup__button'])).toBe('button');
    expect(partsOf(['dd-signup__status', 'dd-signup__status--error'])).toBe('status status-error');
    expect(partsOf(['dd-signup', 'site-class'])).toBe('root');
  });

  it('ignores classes that are not the widget’s', () => {
    expect(partsOf(['site-signup', 'dd-signupx'])).toBe('');
  });
});
