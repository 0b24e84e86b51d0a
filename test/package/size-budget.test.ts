import { describe, expect, it } from 'vitest';
import { reactEntryComposition, reactEntryWeight, scriptTagComposition, scriptTagSizes } from '../bench/measure-sizes.js';

// Size ceilings (DESIGN.md, "Quality bars"), measured on the build `npm test` has just made.
// KB = 1024 bytes; gzip at level 6 (the default of servers and CDNs).
const KB = 1024;
// Vitest sets NODE_ENV=test; the measured apps are production builds (this worker only).
process.env.NODE_ENV = 'production';
const SCRIPT_TAG_BUDGET = 30 * KB;
const REACT_ENTRY_BUDGET = 15 * KB;

const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;
const breakdown = (parts: Array<{ name: string; gzip: number }>) => parts.map((part) => `${part.name} ${kb(part.gzip)}`).join(', ');

describe('size budgets', () => {
  it(`the script tag is at most ${SCRIPT_TAG_BUDGET / KB} KB gzip, renderer included`, async () => {
    const { gzip } = scriptTagSizes();
    if (gzip > SCRIPT_TAG_BUDGET) {
      const { parts } = await scriptTagComposition();
      expect.fail(
        `dist/embed/dotdigital-signup.js is ${kb(gzip)} gzip, over its ${kb(SCRIPT_TAG_BUDGET)} budget (${breakdown(parts)}). ` +
          'Find what grew with `npm run bench` ("what weighs what"); keep new dependencies out of src/react and src/core ' +
          '(the script tag bundles them), check that a React API react-hook-form needs is in src/embed/react-on-preact.ts ' +
          'rather than all of preact/compat, and never raise this budget to make the test pass.',
      );
    }
    expect(gzip).toBeGreaterThan(10 * KB); // a bundle this small would have lost its renderer
  });

  it(`<SignupForm> adds at most ${REACT_ENTRY_BUDGET / KB} KB gzip to a Vite React app`, async () => {
    const { added } = await reactEntryWeight();
    if (added.gzip > REACT_ENTRY_BUDGET) {
      const { parts } = await reactEntryComposition();
      expect.fail(
        `<SignupForm> adds ${kb(added.gzip)} gzip to a minimal Vite React app, over its ${kb(REACT_ENTRY_BUDGET)} budget ` +
          `(${breakdown(parts)}). Find what grew with \`npm run bench\`; import only what ` +
          'the form uses (named imports, no barrel that drags the server in), keep `sideEffects` accurate in package.json, ' +
          'and check a new dependency\'s weight (bundlephobia-style: build it alone) before adding it.',
      );
    }
    expect(added.gzip).toBeGreaterThan(1 * KB); // the form cannot weigh nothing: the measurement would be broken
  }, 60_000);
});
