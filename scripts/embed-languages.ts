import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { buildSideFile } from './build-side-file.js';

const LANGUAGES = ['de', 'fr', 'es', 'nl'] as const;
const locale = (language: string) => fileURLToPath(new URL(`../src/core/locales/${language}.ts`, import.meta.url));

/** One built language file of the script tag. */
export interface EmbedLanguageFile { language: (typeof LANGUAGES)[number]; fileName: string; code: string; integrity: string }

/**
 * Builds the script tag's language files: `dotdigital-signup.de.js`, … — each a tiny classic
 * script that puts its messages on `window.DotdigitalSignup.languages`, with the SHA-256 hash
 * the main bundle pins it with. Built before the bundle, so their hashes can be compiled in.
 *
 * @example
 * const files = await buildEmbedLanguages();
 */
export async function buildEmbedLanguages(): Promise<EmbedLanguageFile[]> {
  return Promise.all(LANGUAGES.map(async (language) => {
    const fileName = `dotdigital-signup.${language}.js`;
    const source = `import * as m from ${JSON.stringify(locale(language))};\n` +
      `const g = (window.DotdigitalSignup ??= {});\n(g.languages ??= {})[${JSON.stringify(language)}] = Object.values(m)[0];`;
    return { language, fileName, ...(await buildSideFile(`language-${language}`, source, fileName)) };
  }));
}

/**
 * Writes the language files beside the script tag, and swaps the core's language loaders
 * (dynamic imports, which a single-file script cannot split) for ones that load these files.
 *
 * @example
 * defineConfig({ plugins: [embedLanguages()] });
 */
export function embedLanguages(): Plugin {
  const loaders = fileURLToPath(new URL('../src/embed/script-language-loaders.ts', import.meta.url));
  let files: Promise<EmbedLanguageFile[]> | undefined;
  return {
    name: 'embed-languages',
    enforce: 'pre',
    buildStart() {
      files = buildEmbedLanguages();
    },
    resolveId(id, importer) {
      return id === './language-loaders.js' && /[\\/]core[\\/]locales[\\/]/.test(importer ?? '') ? loaders : undefined;
    },
    async transform(code, id) {
      if (id !== loaders) return undefined;
      const table = Object.fromEntries((await files!).map(({ language, integrity }) => [language, integrity]));
      // Runs before TypeScript is stripped: the declaration and type positions keep the name.
      return { code: code.replace(/(?<!declare const |typeof )__DOTDIGITAL_SIGNUP_LANGUAGES__/g, `(${JSON.stringify(table)})`), map: null };
    },
    async generateBundle() {
      for (const { fileName, code } of await files!) this.emitFile({ type: 'asset', fileName, source: code });
    },
  };
}
