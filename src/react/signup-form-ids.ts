import type { FormDefinition } from '../core/form-definition.js';
import { offeredPreferences } from '../core/offered-preferences.js';
import type { SignupIssue } from '../core/signup-issue.js';

/** The element ids of one form, all derived from its `useId()` so several forms never clash. */
export interface SignupFormIds {
  email: string;
  emailHint: string;
  field: (name: string) => string;
  preference: (id: number) => string;
  preferencesHint: string;
  consent: string;
  honeypot: string;
  /** The inline error beside a field: `email`, `fields.NAME`, `preferences` or `consent`. */
  error: (field: string) => string;
}

/**
 * Ids for the form whose `useId()` is `base`.
 *
 * @example
 * const ids = signupFormIds(useId());
 * <input id={ids.email} aria-describedby={ids.error('email')} />
 */
export function signupFormIds(base: string): SignupFormIds {
  const id = (part: string) => `${base}-${part}`;
  return {
    email: id('email'),
    emailHint: id('email-hint'),
    field: (name) => id(`field-${name}`),
    preference: (preference) => id(`pref-${preference}`),
    preferencesHint: id('prefs-hint'),
    consent: id('consent'),
    honeypot: id('hp'),
    error: (field) => id(`error-${field.replace(/\W/g, '-')}`),
  };
}

/**
 * The element an error-summary link moves focus to, if the issue concerns one.
 *
 * @example
 * issueTarget({ code: 'missing_email', field: 'email', message }, ids, definition); // ids.email
 */
export function issueTarget(issue: SignupIssue, ids: SignupFormIds, definition: FormDefinition): string | undefined {
  const { field } = issue;
  if (field === 'email') return ids.email;
  if (field === 'consent') return ids.consent;
  if (field?.startsWith('fields.')) return ids.field(field.slice('fields.'.length));
  if (field === 'preferences') {
    const first = offeredPreferences(definition)[0];
    return first ? ids.preference(first.id) : undefined;
  }
  return undefined;
}

/**
 * Joins class names, skipping empty ones.
 *
 * @example
 * cx('dd-signup__field', failed && 'dd-signup__field--error'); // 'dd-signup__field dd-signup__field--error'
 */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
