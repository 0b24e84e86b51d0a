import type { FormPreference, FormPreferenceCategory } from '../core/form-definition.js';
import type { SignupMessages } from '../core/messages.js';
import { HintAndError } from './field-error.js';
import { cx, type SignupFormIds } from './signup-form-ids.js';
import type { SignupIssue } from '../core/signup-issue.js';
import type { UseFormRegister } from 'react-hook-form';
import type { SignupFormValues } from '../core/signup-form-schema.js';

/** Props of {@link PreferenceFieldset}. */
export interface PreferenceFieldsetProps {
  preferences: Array<FormPreference | FormPreferenceCategory>;
  ids: SignupFormIds;
  messages: SignupMessages;
  register: UseFormRegister<SignupFormValues>;
  issue: SignupIssue | undefined;
}

/**
 * The account's public preferences as checkboxes, in Dotdigital's order: one fieldset for
 * all of them and one with its own legend per category. Nothing is ever pre-ticked.
 *
 * @example
 * <PreferenceFieldset preferences={definition.preferences} ids={ids} messages={messages} register={form.register} issue={undefined} />
 */
export function PreferenceFieldset({ preferences, ids, messages, register, issue }: PreferenceFieldsetProps) {
  const checkbox = (preference: FormPreference) => (
    <div className="dd-signup__checkbox" key={preference.id}>
      <input className="dd-signup__checkbox-input" type="checkbox" id={ids.preference(preference.id)} {...register(`preferences.p${preference.id}`)} />
      <label className="dd-signup__checkbox-label" htmlFor={ids.preference(preference.id)}>
        {preference.label}
      </label>
    </div>
  );
  const describedBy = cx(messages.preferencesHint && ids.preferencesHint, issue && ids.error('preferences'));
  return (
    <fieldset className={cx('dd-signup__fieldset', issue && 'dd-signup__field--error')} aria-describedby={describedBy || undefined}>
      <legend className="dd-signup__legend">{messages.preferencesLegend}</legend>
      <HintAndError
        hint={messages.preferencesHint}
        hintId={ids.preferencesHint}
        error={issue?.message}
        errorId={ids.error('preferences')}
        prefix={messages.errorPrefix}
      />
      <div className="dd-signup__choices">
        {preferences.map((item) =>
          'preferences' in item ? (
            <fieldset className="dd-signup__fieldset dd-signup__fieldset--category" key={`c${item.id}`}>
              <legend className="dd-signup__legend dd-signup__legend--category">{item.label}</legend>
              {item.preferences.map(checkbox)}
            </fieldset>
          ) : (
            checkbox(item)
          ),
        )}
      </div>
    </fieldset>
  );
}
