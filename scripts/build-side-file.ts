import { createHash } from 'node:crypto';
import { build, type Plugin, type Rolldown } from 'vite';

/**
 * Builds one side file of the script tag (a language, the submit file, the solver): `source` as a
 * tiny minified classic script, with the SHA-256 Subresource Integrity hash the main bundle pins
 * it with. `name` names its virtual entry and its IIFE; `plugins` swap modules for this file alone.
 *
 * @example
 * const { code, integrity } = await buildSideFile('sender', `import * as sender from '…';\n…`, 'dotdigital-signup.submit.js');
 */
export async function buildSideFile(name: string, source: string, fileName: string, plugins: Plugin[] = []): Promise<{ code: string; integrity: string }> {
  const entry = `dd-${name}.js`; // virtual: resolved by the plugin below, whatever path Vite puts before it
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [{
      name: `${name}-entry`,
      resolveId: (id) => (id.endsWith(entry) ? `\0${entry}` : undefined),
      load: (id) => (id === `\0${entry}` ? source : undefined),
    }, ...plugins],
    build: {
      write: false,
      minify: 'terser',
      target: 'es2022',
      lib: { entry, name: 'DotdigitalSignupSideFile', formats: ['iife'], fileName: () => fileName },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const code = outputs.flatMap((output) => output.output).find((chunk): chunk is Rolldown.OutputChunk => chunk.type === 'chunk')!.code;
  // SHA-256, as strong a pin as SRI needs, in 51 characters of the bundle rather than 71 for SHA-384.
  return { code, integrity: `sha256-${createHash('sha256').update(code).digest('base64')}` };
}
