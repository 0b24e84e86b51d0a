import { fileURLToPath } from 'node:url';

const shim = (name: string) => fileURLToPath(new URL(`../src/embed/${name}.ts`, import.meta.url));

/**
 * React's module names mapped to Preact for the script-tag build (a small shim over its core
 * and hooks, src/embed/react-on-preact.ts, rather than all of preact/compat), exact matches
 * only (`react-dom/client` must not fall through to `react-dom` + `/client`); and the parts of
 * <SignupForm> only a server-rendered form uses, which no script-tag form is
 * (src/embed/no-posted-form.ts). Shared by vite.config.ts and the size bench, so both measure
 * the same bundle.
 *
 * @example
 * defineConfig({ resolve: { alias: embedAliases } });
 */
export const embedAliases: Array<{ find: RegExp; replacement: string }> = [
  { find: /^react$/, replacement: shim('react-on-preact') },
  { find: /^react-dom\/client$/, replacement: shim('react-dom-on-preact') },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^\.\/posted-form\.js$/, replacement: shim('no-posted-form') },
];
