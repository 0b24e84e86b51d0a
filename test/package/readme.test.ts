import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeSnippet, subresourceIntegrity } from '../../scripts/readme-snippet.js';
import { SIGNUP_ERROR_CODES } from '../../src/core/error-codes.js';
import { MOCK_USAGE } from '../../src/mock/mock-options-from-args.js';

// README is what users copy: its script tag must load exactly the built file (SRI hash, version)
// its queue snippet must be the one the browser tests run (public/embed-api.html), and its
// layout-shift CSS the one the demo pages use (public/site.css).
const file = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url));
const readme = file('README.md').toString();
const { version } = JSON.parse(file('package.json').toString()) as { version: string };

describe('README', () => {
  it('lists every section in its table of contents, in order, each link reaching its heading', () => {
    // GitHub's anchors: lower case, punctuation dropped, spaces to hyphens.
    const slug = (title: string) => title.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
    const headings = [...readme.matchAll(/^(##|###) (.+)$/gm)].filter((match) => match[2] !== 'Contents');
    const contents = /## Contents\n\n([\s\S]*?)\n\n/.exec(readme)?.[1] ?? '';
    const links = [...contents.matchAll(/^( *)- \[(.+)\]\(#(.+)\)$/gm)];
    expect(links.map((link) => [link[1]!.length === 0 ? '##' : '###', link[3]]), 'README\'s Contents is stale: list each ## and ### heading').toEqual(
      headings.map((heading) => [heading[1], slug(heading[2]!)]),
    );
  });

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

  it('shows the headless and server-language examples exactly as the files the tests run (test/react/readme-examples, e2e/headless-kit, test/react/readme-languages)', () => {
    const examples = [...readme.matchAll(/<!-- tested: (\S+) -->\n```tsx\n([\s\S]*?)\n```/g)];
    expect(examples.map((match) => match[1])).toEqual(['test/react/readme/hook-example.tsx', 'src/demo/headless/newsletter-signup.tsx', 'test/react/readme/french-signup-form.tsx']);
    for (const [, path, code] of examples) expect(code, `README's copy of ${path} is stale: paste the file in`).toBe(file(path!).toString().trimEnd());
  });

  it("shows the mock's read-back example exactly as the file the tests run against `dotdigital-signup mock` (test/mock/mock-cli.test.ts)", () => {
    const examples = [...readme.matchAll(/<!-- tested: (\S+) -->\n```ts\n([\s\S]*?)\n```/g)];
    // Every tested `ts` copy is checked here; the metrics one (issue 23) is also run by test/server/readme-metrics.test.ts.
    expect(examples.map((match) => match[1])).toEqual(['test/server/adapters/instrumentation.ts', 'test/mock/readme/read-back.ts']);
    for (const [, path, code] of examples) expect(code, `README's copy of ${path} is stale: paste the file in`).toBe(file(path!).toString().trimEnd());
    expect(section('Test against the mock')).toContain('<!-- tested: test/mock/readme/read-back.ts -->');
  });

  it("shows the Next.js page exactly as the file the tests run (test/react/readme/next-page.tsx), imports mapped", () => {
    const examples = [...readme.matchAll(/<!-- tested, imports mapped: (\S+) -->\n```tsx\n([\s\S]*?)\n```/g)];
    expect(examples.map((match) => match[1])).toEqual(['test/react/readme/next-page.tsx']);
    const mapped = (code: string) => code.replace("from '../api/signup/route'", "from '../../server/adapters/next-route.js'");
    for (const [, path, code] of examples) expect(mapped(code!), `README's copy of ${path} is stale: paste the file in`).toBe(file(path!).toString().trimEnd());
    expect(section('Next.js (app router)')).toContain('<!-- tested, imports mapped: test/react/readme/next-page.tsx -->');
  });

  it('reserves the form’s height with the CSS the demo pages use (the browser tests measure CLS 0 with it)', () => {
    const site = file('public/site.css').toString();
    const rules = site.split('\n').filter((line) => line.includes('min-height') && line.includes('.signup-slot'));
    expect(rules).toHaveLength(2);
    for (const rule of rules) expect(readme).toContain(rule);
  });
});

// The facts that drift when code changes and nobody rereads README: the names users type.
const sources = readdirSync(new URL('../../src/', import.meta.url), { recursive: true, encoding: 'utf8' })
  .filter((path) => /\.tsx?$/.test(path))
  .map((path) => ({ path, text: file(`src/${path}`).toString() }));
const source = (path: string) => sources.find((entry) => entry.path === path)!.text;
/** `## Heading` … up to the next heading of the same or a higher level. */
function section(title: string): string {
  const start = readme.search(new RegExp(`^(#+) ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  expect(start, `README has no heading "${title}"`).toBeGreaterThanOrEqual(0);
  const level = /^#+/.exec(readme.slice(start))![0].length;
  const rest = readme.slice(start + level);
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return end === -1 ? rest : rest.slice(0, end);
}
/** Property names of an exported interface, as written in its source (two-space indent). */
function interfaceKeys(text: string, name: string): string[] {
  const body = new RegExp(`export interface ${name}[^{]*\\{\\n([\\s\\S]*?)\\n\\}`).exec(text)?.[1];
  expect(body, `no interface ${name}`).toBeDefined();
  return [...body!.matchAll(/^ {2}(\w+)\??:/gm)].map((match) => match[1]!);
}
/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingAnchors(): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, title] of prose.matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = title!.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}
/** What `documented` lacks of `actual`, and what it has that `actual` does not. */
const sameSet = (documented: readonly string[], actual: readonly string[]) => ({
  missing: actual.filter((name) => !documented.includes(name)),
  extra: documented.filter((name) => !actual.includes(name)),
});
const prose = readme.replace(/^```[\s\S]*?^```/gm, '');

describe('README names what the code has', () => {
  it('every in-page link leads to a heading, and every README section the code points to exists', () => {
    const anchors = headingAnchors();
    const links = [...prose.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((link) => !anchors.has(link)), 'links to no heading').toEqual([]);
    const titles = [...prose.matchAll(/^#{1,6} (.+)$/gm)].map((match) => match[1]!);
    const cited = new Set(sources.flatMap(({ text }) => [...text.matchAll(/README,? (?:"([^"]+)"|'([^']+)')/g)].map((match) => match[1] ?? match[2]!)));
    expect(cited.size).toBeGreaterThan(3);
    // Errors say "see README, "Script tag"": a heading that starts with those words will do.
    expect([...cited].filter((title) => !titles.some((heading) => heading.replace(/^\d+\. /, '').startsWith(title)))).toEqual([]);
  });

  it('every environment variable the code reads is documented', () => {
    const read = new Set<string>();
    for (const { text } of sources) {
      for (const match of text.matchAll(/\benv(?:\?)?\.([A-Z][A-Z0-9_]+)|\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]|\(env, '([A-Z][A-Z0-9_]+)'/g)) {
        read.add(match[1] ?? match[2] ?? match[3]!);
      }
    }
    expect(read).toContain('SIGNUP_QUEUE_INTERVAL_SECONDS'); // the scan itself works
    expect(read).toContain('DOTDIGITAL_MOCK_PORT');
    expect([...read].filter((name) => !readme.includes(`\`${name}\``)), 'environment variables README does not name').toEqual([]);
  });

  it('the protocol section lists every error code, and no other', () => {
    const table: string[] = [...section('Protocol').matchAll(/^\| `([a-z_]+)` \| /gm)].map((match) => match[1]!);
    expect(sameSet(table, SIGNUP_ERROR_CODES)).toEqual({ missing: [], extra: [] });
  });

  it("the protocol section gives each error code the status the proxy answers it with", () => {
    const documented = new Map([...section('Protocol').matchAll(/^\| `([a-z_]+)` \| (\d{3}|—) \|/gm)].map((match) => [match[1]!, match[2]!]));
    const answered = sources
      .filter(({ path }) => path.startsWith('server/'))
      .flatMap(({ text }) => [...text.matchAll(/errorResponse\((\d{3}), '([a-z_]+)'|status: (\d{3}), code: '([a-z_]+)'/g)])
      .map((match) => [match[2] ?? match[4]!, match[1] ?? match[3]!] as const);
    expect(answered.length).toBeGreaterThan(10);
    expect(answered.filter(([code, status]) => documented.get(code) !== status).map(([code, status]) => `${code}: answered ${status}, README says ${documented.get(code)}`)).toEqual([]);
  });

  it('every prop and every proxy option is in its table', () => {
    const props = section('Props');
    const propKeys = [...interfaceKeys(source('react/use-signup-form-options.ts'), 'UseSignupFormOptions'), ...interfaceKeys(source('react/signup-form.tsx'), 'SignupFormProps')];
    expect(propKeys).toContain('endpoint');
    expect(propKeys.filter((key) => !props.includes(`| \`${key}\` |`))).toEqual([]);
    const options = section('Proxy options');
    const optionKeys = interfaceKeys(source('server/signup-handler-options.ts'), 'SignupHandlerOptions');
    expect(optionKeys).toContain('allowedOrigins');
    expect(optionKeys.filter((key) => !new RegExp(`^\\| [^|]*\`${key}\``, 'm').test(options))).toEqual([]);
  });

  it('the theming table has every --dd-* token the stylesheet reads, and no other', () => {
    const used = new Set([...source('react/signup-form-styles.ts').matchAll(/var\((--dd-[a-z-]+)/g)].map((match) => match[1]!));
    const documented = new Set([...section('Theming').matchAll(/^\| `(--dd-[a-z-]+)`(?: \/ `(--dd-[a-z-]+)`)?/gm)].flatMap((match) => [match[1]!, match[2]].filter(Boolean) as string[]));
    expect(used.size).toBeGreaterThan(10);
    expect(sameSet([...documented], [...used])).toEqual({ missing: [], extra: [] });
  });

  it('every flag of `dotdigital-signup mock` is named', () => {
    const flags = [...MOCK_USAGE.matchAll(/^ {2}(--[a-z-]+)/gm)].map((match) => match[1]!);
    expect(flags.length).toBeGreaterThan(5);
    expect(flags.filter((flag) => !readme.includes(`\`${flag}`))).toEqual([]);
  });
});

// README's server recipes are the files test/server/adapters.test.ts runs: every line of each
// recipe (package imports mapped to the source) is a line of its adapter file, in order. The
// files may add lines of their own (the mock's apiUrl), never differ in one README shows.
describe('README recipes are the tested adapter files', () => {
  const imports = (line: string) =>
    line.replace("from 'dotdigital-signup/server/node'", "from '../../../src/server/node/index.js'").replace("from 'dotdigital-signup/server'", "from '../../../src/server/index.js'");
  it.each([
    ['Next.js (app router)', 'next-route.ts'],
    ['Express', 'express-app.ts'],
    ['Workers-style `fetch` export (Cloudflare Workers, Deno, Bun)', 'worker.ts'],
    ['Messages and languages', 'multilingual-route.ts'],
  ])('%s is test/server/adapters/%s', (title, adapter) => {
    const recipe = /```ts\n([\s\S]*?)```/.exec(section(title))?.[1];
    expect(recipe, `README "${title}" has no ts block`).toBeDefined();
    const wanted = recipe!.split('\n').map((line) => imports(line).trim()).filter(Boolean);
    const lines = file(`test/server/adapters/${adapter}`).toString().split('\n').map((line) => line.trim());
    let at = 0;
    const missing = wanted.filter((line) => {
      const found = lines.indexOf(line, at);
      if (found === -1) return true;
      at = found + 1;
      return false;
    });
    expect(wanted.length).toBeGreaterThan(3);
    expect(missing, `lines of README's recipe not in test/server/adapters/${adapter} (in order)`).toEqual([]);
  });
});
