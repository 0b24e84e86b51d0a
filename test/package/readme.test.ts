import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeSnippet, subresourceIntegrity } from '../../scripts/readme-snippet.js';

// README is what users copy: its script tag must load exactly the built file (SRI hash, version)
// its queue snippet must be the one the browser tests run (public/embed-api.html), and its
// layout-shift CSS the one the demo pages use (public/site.css).
const file = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url));
const readme = file('README.md').toString();
const { version } = JSON.parse(file('package.json').toString()) as { version: string };

describe('README', () => {
  it("carries the built script tag's version and Subresource Integrity hash", () => {
    const expected = readmeSnippet(version, subresourceIntegrity(file('dist/embed/dotdigital-signup.js')));
    expect(readme.includes(expected), 'README.md is stale: run `npm run build` (it rewrites the snippet) and commit README.md').toBe(true);
  });

  it('shows the same queue snippet the browser tests exercise', () => {
    const page = file('public/embed-api.html').toString();
    const snippet = /<script>window\.DotdigitalSignup=[^\n]*<\/script>/.exec(page)?.[0];
    expect(snippet).toBeDefined();
    expect(readme).toContain(snippet);
  });

  it('reserves the form’s height with the CSS the demo pages use (the browser tests measure CLS 0 with it)', () => {
    const site = file('public/site.css').toString();
    const rules = site.split('\n').filter((line) => line.includes('min-height') && line.includes('.signup-slot'));
    expect(rules).toHaveLength(2);
    for (const rule of rules) expect(readme).toContain(rule);
  });
});
