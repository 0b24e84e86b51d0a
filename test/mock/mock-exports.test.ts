import { expect, it } from 'vitest';
import * as mock from '../../src/mock/index.js';

// The public surface of `dotdigital-signup/mock`: a change here is a change for users' tests.
it('exports exactly the documented names', () => {
  expect(Object.keys(mock).sort()).toEqual([
    'DEMO_API_PASSWORD', 'DEMO_API_USER', 'createMockDotdigital', 'demoAddressBooks', 'demoDataFields', 'demoPreferences', 'listenMock',
  ]);
});
