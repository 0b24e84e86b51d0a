// The script-tag build's language files and their Subresource Integrity hashes, provided at build
// time as a virtual module by scripts/embed-languages.ts (the files are built first, so their
// hashes are known when the bundle that pins them is built).
declare module 'virtual:dotdigital-signup/language-integrity' {
  /** Each language file's SRI hash, `sha256-…`. */
  const integrity: Record<'de' | 'fr' | 'es' | 'nl', string>;
  export default integrity;
}
