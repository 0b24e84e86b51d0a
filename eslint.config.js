// `npm run lint` (part of `npm test`): the Rules of React on every component and hook, with the
// React Compiler's checks (refs read or written during render, impure renders, hooks called
// conditionally…) from eslint-plugin-react-hooks' recommended set, errors and warnings alike.
// React code only: the React entry, the script tag, the demo, and the React tests and apps.
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const REACT_CODE = ['src/index.ts', 'src/react/**/*.{ts,tsx}', 'src/embed/**/*.{ts,tsx}', 'src/demo/**/*.tsx', 'test/react/**/*.{ts,tsx}', 'test/package/**/*.{tsx,jsx}', 'test/bench/react-weight/*.jsx'];

export default defineConfig([
  { ignores: ['dist/', 'test-results/', 'playwright-report/', 'test/react-18/node_modules/'] },
  {
    files: REACT_CODE,
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  { ...reactHooks.configs.flat.recommended, files: REACT_CODE },
]);
