// What the script-tag build puts in place of src/react/signup-form-style.tsx (scripts/embed-aliases.ts):
// the embed always renders `unstyled` and styles each shadow root with the constructable sheet
// of shadow-styles.ts, so the document-level stylesheet code (≈170 B gzip) would never run.

/**
 * Renders nothing: inside a shadow root the sheet is adopted by the root (see `embedStyleSheet`).
 *
 * @example
 * <SignupFormStyle nonce={undefined} /> // null
 */
export function SignupFormStyle(_props: { nonce: string | undefined }): null {
  return null;
}
