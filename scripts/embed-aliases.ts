/**
 * React's module names mapped to preact/compat for the script-tag build, exact matches
 * only (`react-dom/client` must not fall through to `react-dom` + `/client`). Shared by
 * vite.config.ts and the size bench, so both measure the same bundle.
 *
 * @example
 * defineConfig({ resolve: { alias: embedAliases } });
 */
export const embedAliases: Array<{ find: RegExp; replacement: string }> = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-runtime' },
];
