// What the script tag builds in place of src/react/posted-form.tsx (scripts/embed-aliases.ts).
// Its forms exist only once its script has run: none is ever posted without it, and no page URL
// carries the outcome of one (the fragment would be its id). The hidden inputs a server-rendered
// form needs, and the reading of the URL, would be ~0.65 KB gzip the script tag carries for nothing.
import type { SignupResult } from '../core/signup-controller.js';
import type { PostedFormInputsProps } from '../react/posted-form.js';

/**
 * Renders nothing: a script-tag form is never posted by the browser itself.
 *
 * @example
 * <PostedFormInputs definition={definition} formId={id} form={props} /> // null
 */
export function PostedFormInputs(_props: PostedFormInputsProps): null {
  return null;
}

/**
 * Reads nothing: no page URL carries a script-tag form's outcome.
 *
 * @example
 * usePostedOutcome(id, showResult); // does nothing
 */
export function usePostedOutcome(_formId: string, _show: (result: SignupResult) => void): void {}
