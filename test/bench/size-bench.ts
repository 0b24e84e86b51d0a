import type { BenchSection } from './bench-section.js';
import { embedLanguageSizes, reactEntryComposition, reactEntryWeight, reactEntryWeightWithFormStack, scriptTagComposition, scriptTagSizes, SIZE_BUDGETS } from '../support/measure-sizes.js';

const KB = 1024;
const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;
// A dependency the bundle does not carry (the server's) measures 0 ± a few bytes of noise.
const carried = (part: { gzip: number }) => Math.abs(part.gzip) >= 10;

/**
 * The script tag's size (gzip and brotli) and what `<SignupForm>` adds to a Vite React app (and
 * to one that already has react-hook-form and zod), each against its budget, with what weighs what
 * inside.
 *
 * @example
 * printSection(await sizeBench());
 */
export async function sizeBench(): Promise<BenchSection> {
  const tag = scriptTagSizes();
  const tagParts = await scriptTagComposition();
  const languages = embedLanguageSizes();
  const each = (sizes: Record<string, { gzip: number }>) => Object.entries(sizes).map(([language, { gzip }]) => `${language} ${gzip}`).join(', ');
  const react = await reactEntryWeight();
  const reactParts = await reactEntryComposition();
  const stack = await reactEntryWeightWithFormStack();
  const verdict = (bytes: number, budget: number) => (bytes <= budget ? `within the ${budget / KB} KB budget` : `OVER the ${budget / KB} KB budget by ${kb(bytes - budget)}`);
  return {
    title: 'Sizes (KB = 1024 bytes; gzip level 6, brotli level 11)',
    rows: [
      ['script tag, gzip', kb(tag.gzip), `${tag.gzip} bytes, renderer, react-hook-form and zod included — ${verdict(tag.gzip, SIZE_BUDGETS.scriptTag)}`],
      ['script tag, brotli', kb(tag.brotli), `${tag.brotli} bytes`],
      ['script tag, minified', kb(tag.raw), 'dist/embed/dotdigital-signup.js'],
      ...tagParts.parts.filter(carried).map((part): [string, string, string] => [`  of which ${part.name}`, kb(part.gzip), 'gzip, left out of the build to measure']),
      ['script tag, a language file', kb(Math.max(...Object.values(languages.script).map((size) => size.gzip))), `largest, gzip; bytes: ${each(languages.script)} (dotdigital-signup.<locale>.js, loaded when a form asks)`],
      ['module build (bundlers), gzip', kb(languages.module.entry.gzip), `dist/embed/module/dotdigital-signup.js, not minified for whitespace (your bundler minifies); language chunks, bytes: ${each(languages.module.chunks)}`],
      ['React entry, added gzip', kb(react.added.gzip), `${react.added.gzip} bytes — ${verdict(react.added.gzip, SIZE_BUDGETS.reactEntry)}`],
      ['React entry, added brotli', kb(react.added.brotli), `minimal Vite React app: ${kb(react.without.gzip)} → ${kb(react.with.gzip)} gzip`],
      ['React entry, added to an app with react-hook-form and zod', kb(stack.added.gzip), `${stack.added.gzip} bytes — ${verdict(stack.added.gzip, SIZE_BUDGETS.withFormStack)}`],
      ...reactParts.parts.filter(carried).map((part): [string, string, string] => [`  of which ${part.name}`, kb(part.gzip), 'gzip, left out of the build to measure']),
    ],
  };
}
