import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

// The demo's /headless.html and README's shadcn/ui example run on shadcn/ui's own files, as
// `npx shadcn@latest add form checkbox input button` generates them (style new-york-v4, from
// github.com/shadcn-ui/ui at 1773ecfeeb4a04366978d353e69b5c7ded78dcb2: apps/v4/registry/new-york-v4,
// the CLI's one change being form.tsx's import of the label, rewritten to `@/components/ui/label`).
// Held to their bytes, so that what works here works in a shadcn/ui app: regenerate, never edit.
const GENERATED: Record<string, string> = {
  'components/ui/button.tsx': 'cc36af0f8b5019c33cc039fbf03bb952a513072b15b55b53c592b78af3e5f4c4',
  'components/ui/checkbox.tsx': 'b23ab9d4deeedf2ac8f512c368361ede681aa383437ef48563a6f9b7dbe95f27',
  'components/ui/form.tsx': '315b46bb75ab7d1c6061b5d750aa4bedf6e7a455e15e2d7f9182f053d5972b1e',
  'components/ui/input.tsx': '8c4612a7c41319ac5049daa3b34b080f9784b6245c17780eb87c127e58e473db',
  'components/ui/label.tsx': 'a476e41f08b9de5bd447de66a33d8bc2ad18f2fa6b96c064778bab4b6f439f4c',
  'lib/utils.ts': '7c8c3dfc0cdd370d44932828eb067ef771c8fe7996693221d5d4b90af6d54f2d',
};
const demo = new URL('../../src/demo/', import.meta.url);

it("the demo's shadcn/ui files are shadcn's generated files, unchanged", () => {
  const present = [...readdirSync(new URL('components/ui/', demo)).map((name) => `components/ui/${name}`), ...readdirSync(new URL('lib/', demo)).map((name) => `lib/${name}`)];
  expect(present.sort()).toEqual(Object.keys(GENERATED).sort());
  for (const [path, hash] of Object.entries(GENERATED)) {
    const actual = createHash('sha256').update(readFileSync(new URL(path, demo))).digest('hex');
    expect(actual, `src/demo/${path} is not shadcn/ui's generated file: regenerate it (npx shadcn@latest add …) instead of editing it, and record its new hash here`).toBe(hash);
  }
});
