import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeSnippet, subresourceIntegrity } from '../../scripts/readme-snippet.js';

// README is what users copy: its script tag must load exactly the built file (SRI hash, version)
// and its queue snippet must be the one the browser tests run (public/embed-api.html).
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
});
