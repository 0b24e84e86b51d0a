import { describe, expect, it } from 'vitest';
import { reactEntryComposition, reactEntryWeight, reactEntryWeightWithFormStack, scriptTagComposition, scriptTagSizes, SIZE_BUDGETS } from '../support/measure-sizes.js';

// Size ceilings (DESIGN.md, "Quality bars"), measured on the build `npm test` has just made.
// KB = 1024 bytes; gzip at level 6 (the default of servers and CDNs).
const KB = 1024;
// Vitest sets NODE_ENV=test; the measured apps are production builds (this worker only).
process.env.NODE_ENV = 'production';
const { scriptTag: SCRIPT_TAG_BUDGET, reactEntry: REACT_ENTRY_BUDGET, withFormStack: WITH_FORM_STACK_BUDGET } = SIZE_BUDGETS;

const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;
const breakdown = (parts: Array<{ name: string; gzip: number }>) => parts.map((part) => `${part.name} ${kb(part.gzip)}`).join(', ');
const advice =
  'Find what grew with `npm run bench` ("what weighs what"); import only what the form uses (named imports, no barrel ' +
  'that drags the server in), keep `sideEffects` accurate in package.json, check a new dependency\'s weight (build it ' +
  'alone) before adding it, and never raise this budget to make the test pass.';

describe('size budgets', () => {
  it(`the script tag is at most ${SCRIPT_TAG_BUDGET / KB} KB gzip, renderer, react-hook-form and zod included`, async () => {
    const { gzip } = scriptTagSizes();
    if (gzip > SCRIPT_TAG_BUDGET) {
      const { parts } = await scriptTagComposition();
      expect.fail(
        `dist/embed/dotdigital-signup.js is ${kb(gzip)} gzip, over its ${kb(SCRIPT_TAG_BUDGET)} budget (${breakdown(parts)}). ${advice} ` +
          'The script tag bundles src/react and src/core: give react-hook-form a React API it lacks in ' +
          'src/embed/react-on-preact.ts rather than all of preact/compat.',
      );
    }
    expect(gzip).toBeGreaterThan(10 * KB); // a bundle this small would have lost its renderer
  }, 120_000); // over budget, it rebuilds the bundle to say what weighs what

  it(`<SignupForm> adds at most ${REACT_ENTRY_BUDGET / KB} KB gzip to a Vite React app`, async () => {
    const { added } = await reactEntryWeight();
    if (added.gzip > REACT_ENTRY_BUDGET) {
      const { parts } = await reactEntryComposition();
      expect.fail(`<SignupForm> adds ${kb(added.gzip)} gzip to a minimal Vite React app, over its ${kb(REACT_ENTRY_BUDGET)} budget (${breakdown(parts)}). ${advice}`);
    }
    expect(added.gzip).toBeGreaterThan(1 * KB); // the form cannot weigh nothing: the measurement would be broken
  }, 60_000);

  it(`<SignupForm> adds at most ${WITH_FORM_STACK_BUDGET / KB} KB gzip to an app that already has react-hook-form and zod`, async () => {
    const { added } = await reactEntryWeightWithFormStack();
    if (added.gzip > WITH_FORM_STACK_BUDGET) {
      expect.fail(
        `<SignupForm> adds ${kb(added.gzip)} gzip to a Vite app with react-hook-form and zod (test/bench/react-weight/rhf-zod-app.jsx), ` +
          `over its ${kb(WITH_FORM_STACK_BUDGET)} budget: that is the widget's own code and the zod/mini parts such an app lacks. ${advice}`,
      );
    }
    expect(added.gzip).toBeGreaterThan(1 * KB);
  }, 60_000);
});
