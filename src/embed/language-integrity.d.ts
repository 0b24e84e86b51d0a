// The script-tag build's side files' Subresource Integrity hashes (its languages, its submit file, the solver the submit file loads),
// provided at build time as virtual modules by scripts/embed-languages.ts and scripts/embed-sender.ts (the files are built first, so their
// hashes are known when the bundle that pins them is built).
declare module 'virtual:dotdigital-signup/language-integrity' {
  /** Each language file's SRI hash, `sha256-…`. */
  const integrity: Record<'de' | 'fr' | 'es' | 'nl', string>;
  export default integrity;
}

declare module 'virtual:dotdigital-signup/sender-integrity' {
  /** The submit file's SRI hash, `sha256-…`. */
  const integrity: string;
  export default integrity;
}

declare module 'virtual:dotdigital-signup/solver-integrity' {
  /** The solver file's SRI hash, `sha256-…` (pinned by the submit file). */
  const integrity: string;
  export default integrity;
}
