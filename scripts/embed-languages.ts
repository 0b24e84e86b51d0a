import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rolldown } from 'vite';

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
    const entry = `dd-language-${language}.js`; // virtual: resolved by the plugin below, whatever path Vite puts before it
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [{
        name: 'language-entry',
        resolveId: (id) => (id.endsWith(entry) ? `\0${entry}` : undefined),
        load: (id) => (id === `\0${entry}`
          ? `import * as m from ${JSON.stringify(locale(language))};\n` +
            `const g = (window.DotdigitalSignup ??= {});\n(g.languages ??= {})[${JSON.stringify(language)}] = Object.values(m)[0];`
          : undefined),
      }],
      build: {
        write: false,
        minify: 'terser',
        target: 'es2022',
        lib: { entry, name: 'DotdigitalSignupLanguage', formats: ['iife'], fileName: () => `dotdigital-signup.${language}.js` },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const code = outputs.flatMap((output) => output.output).find((chunk): chunk is Rolldown.OutputChunk => chunk.type === 'chunk')!.code;
    // SHA-256, as strong a pin as SRI needs, in 51 characters of the bundle rather than 71 for SHA-384.
    const integrity = `sha256-${createHash('sha256').update(code).digest('base64')}`;
    return { language, fileName: `dotdigital-signup.${language}.js`, code, integrity };
  }));
}

/** The virtual module that gives the script tag its language files' hashes (src/embed/language-integrity.d.ts). */
const INTEGRITY_MODULE = 'virtual:dotdigital-signup/language-integrity';

/**
 * Writes the language files beside the script tag, and swaps the core's language loaders
 * (dynamic imports, which a single-file script cannot split) for ones that load these files,
 * their hashes given as a virtual module. Module resolution only: no source is rewritten.
 *
 * @example
 * defineConfig({ plugins: [embedLanguages()] });
 */
export function embedLanguages(): Plugin {
  const core = fileURLToPath(new URL('../src/core/locales/load-signup-messages.ts', import.meta.url));
  const loaders = fileURLToPath(new URL('../src/embed/script-language-loaders.ts', import.meta.url));
  let files: Promise<EmbedLanguageFile[]> | undefined;
  return {
    name: 'embed-languages',
    enforce: 'pre',
    buildStart() {
      files = buildEmbedLanguages();
    },
    resolveId(id, importer) {
      if (id === INTEGRITY_MODULE) return `\0${INTEGRITY_MODULE}`;
      return id === './language-loaders.js' && importer === core ? loaders : undefined;
    },
    async load(id) {
      if (id !== `\0${INTEGRITY_MODULE}`) return undefined;
      return `export default ${JSON.stringify(Object.fromEntries((await files!).map(({ language, integrity }) => [language, integrity])))};`;
    },
    async generateBundle() {
      for (const { fileName, code } of await files!) this.emitFile({ type: 'asset', fileName, source: code });
    },
  };
}
