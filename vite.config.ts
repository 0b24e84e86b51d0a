import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };
import { embedAliases } from './scripts/embed-aliases.js';
import { embedLanguages } from './scripts/embed-languages.js';
import { embedSender } from './scripts/embed-sender.js';
import { writeReadmeSnippet } from './scripts/readme-snippet.js';
import { thirdPartyLicenses } from './scripts/third-party-licenses.js';
import { INTEGRATION_TESTS, testGlob } from './test/support/test-groups.js';

// The headless demo and README's examples import the package by name, as a user's app does, and
// the demo's shadcn/ui files by their `@/` alias (src/demo/components/ui, src/demo/lib), as
// shadcn generates them.
const packageByName = [
  { find: /^dotdigital-signup$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  { find: /^dotdigital-signup\/core$/, replacement: fileURLToPath(new URL('./src/core/index.ts', import.meta.url)) },
  { find: /^@\/(.*)$/, replacement: `${fileURLToPath(new URL('./src/demo/', import.meta.url))}$1` },
];
// What both builds of the script tag share: Preact for React, the version, production code.
const embedShared = {
  publicDir: false as const,
  resolve: { alias: embedAliases, dedupe: ['preact'] },
  define: { 'process.env.NODE_ENV': '"production"', __DOTDIGITAL_SIGNUP_VERSION__: JSON.stringify(pkg.version) },
};
const react18 = (name: string) => fileURLToPath(new URL(`./test/react-18/node_modules/${name}`, import.meta.url));

// One config, four jobs:
// - `vite build --mode embed`: the script-tag bundle, dist/embed/dotdigital-signup.js
// - `vite build --mode embed-module`: the same as an ES module for bundlers, dist/embed/module/
// - `vite build --mode demo`:  the React demo page's bundle, dist/demo-site/react-demo.js
// - `vitest`:                  the tests under test/: `unit` (with `react-18`) needs no build, no browser
//                              and no process of its own (`npm run test:unit`); `integration` needs them
// The npm entries themselves are compiled by `tsc -p tsconfig.build.json`.
export default defineConfig(({ mode }) => {
  if (mode === 'embed') {
    return {
      // The script tag carries its own renderer. React + React DOM weigh ~60 KB gzip, over the
      // whole budget, so the same <SignupForm> source is built against Preact's core and hooks
      // through a small shim (src/embed/react-on-preact.ts, scripts/embed-aliases.ts; ~5 KB), not
      // preact/compat. The whole browser suite runs against this bundle (`/`).
      plugins: [
        react(),
        thirdPartyLicenses(),
        // English is in the bundle; the other languages are files beside it, loaded on demand.
        embedLanguages(),
        // So is what a submit needs (the POST, the proof-of-work solver), loaded when a form is shown.
        embedSender(),
        {
          // `dotdigital-signup/embed` in package.json#exports points here, so `import.meta.resolve()`
          // finds the file to serve and TypeScript takes `import 'dotdigital-signup/embed'` as typed.
          name: 'embed-types',
          generateBundle() {
            this.emitFile({ type: 'asset', fileName: 'dotdigital-signup.d.ts', source: "// The script-tag bundle: importing it defines <dotdigital-signup> and window.DotdigitalSignup.\nexport {};\n" });
          },
        },
        {
          // README's script tag carries the built file's SRI hash and version: keep them true.
          name: 'readme-snippet',
          closeBundle() {
            if (writeReadmeSnippet('README.md', 'dist/embed/dotdigital-signup.js', pkg.version)) console.log('README.md: script-tag snippet updated (commit it)');
          },
        },
      ],
      ...embedShared,
      build: {
        outDir: 'dist/embed',
        emptyOutDir: true,
        sourcemap: true,
        minify: 'terser',
        terserOptions: { ecma: 2020, compress: { passes: 2 } },
        target: 'es2022',
        lib: { entry: 'src/embed/index.ts', name: 'DotdigitalSignupBundle', formats: ['iife'], fileName: () => 'dotdigital-signup.js' },
      },
    };
  }
  if (mode === 'embed-module') {
    // The same element as an ES module, for `import 'dotdigital-signup/embed'` in a browser bundle
    // (package.json#exports sends bundlers here through the `browser` condition): a module has no
    // document.currentScript to find language files beside it, so its languages stay the core's
    // dynamic imports, chunks beside it that the app's bundler splits as its own.
    return {
      ...embedShared,
      plugins: [react(), thirdPartyLicenses()],
      build: {
        outDir: 'dist/embed/module',
        emptyOutDir: true,
        minify: true,
        target: 'es2022',
        lib: { entry: 'src/embed/index.ts', formats: ['es'], fileName: () => 'dotdigital-signup.js' },
        rollupOptions: { output: { chunkFileNames: '[name].js' } },
      },
    };
  }
  if (mode === 'demo') {
    return {
      plugins: [react()],
      publicDir: false,
      resolve: { alias: packageByName },
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir: 'dist/demo-site',
        emptyOutDir: true,
        sourcemap: true,
        minify: true,
        lib: { entry: { 'react-demo': 'src/demo/react-demo.tsx', 'headless-demo': 'src/demo/headless-demo.tsx', 'ssr-demo': 'src/demo/ssr-demo.tsx', 'ssr-csp-demo': 'src/demo/ssr-csp-demo.tsx' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      },
    };
  }
  const integration = INTEGRATION_TESTS.map(testGlob);
  return {
    plugins: [react()],
    resolve: { alias: packageByName },
    test: {
      environment: 'node',
      restoreMocks: true,
      // No test is a speed test (those are `npm run bench`): a component test's first render imports
      // react-hook-form, zod and Radix, which on a busy 2-core machine takes more than Vitest's default 5 s.
      testTimeout: 20_000,
      setupFiles: ['test/setup.ts'],
      projects: [
        { extends: true, test: { name: 'unit', include: ['test/**/*.test.{ts,tsx}'], exclude: [...configDefaults.exclude, ...integration], provide: { reactMajor: 19 } } },
        // Needs `npm run build`, a browser or real processes (test/support/test-groups.ts says which and why).
        { extends: true, test: { name: 'integration', include: integration, provide: { reactMajor: 19 } } },
        // The component tests again against React 18 (installed by the test/react-18 workspace):
        // every import of react/react-dom, including those inside Testing Library (inlined,
        // so the alias reaches it), resolves to React 18.
        {
          extends: true,
          resolve: {
            alias: {
              react: react18('react'),
              'react-dom': react18('react-dom'),
              // Its `main` is CommonJS, which Vitest leaves to Node (and so to React 19); the ESM build takes the alias.
              '@testing-library/react': fileURLToPath(new URL('./node_modules/@testing-library/react/dist/@testing-library/react.esm.js', import.meta.url)),
              // Its `node` condition is CommonJS too (the shadcn/ui checkbox's icon).
              'lucide-react': fileURLToPath(new URL('./node_modules/lucide-react/dist/esm/lucide-react.mjs', import.meta.url)),
            },
          },
          test: { name: 'react-18', include: ['test/react/**/*.test.{ts,tsx}'], provide: { reactMajor: 18 }, server: { deps: { inline: ['@testing-library/react', 'react-hook-form', 'radix-ui', /@radix-ui\//, 'lucide-react'] } } },
        },
      ],
    },
  };
});
