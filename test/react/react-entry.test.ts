import { expect, it } from 'vitest';
import * as entry from '../../src/index.js';
import { PINNED_EXPORTS } from '../support/pinned-exports.js';

// The public surface of `dotdigital-signup` (the React entry). Adding to it is a decision:
// change the list (test/support/pinned-exports.ts) on purpose, and document the new export in the README.
it('exports exactly these names', () => {
  expect(Object.keys(entry).sort()).toEqual(PINNED_EXPORTS['.']);
});
