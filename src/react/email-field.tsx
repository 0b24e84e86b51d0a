import type { SignupMessages } from '../core/messages.js';
import { HintAndError } from './field-error.js';
import { cx, type SignupFormIds } from './signup-form-ids.js';
import type { SignupIssue } from '../core/signup-issue.js';
import type { UseFormRegister } from 'react-hook-form';
import type { SignupFormValues } from '../core/signup-form-schema.js';

/** Props of {@link EmailField}. */
export interface EmailFieldProps {
  ids: SignupFormIds;
  messages: SignupMessages;
  register: UseFormRegister<SignupFormValues>;
  issue: SignupIssue | undefined;
  /** The address to prefill, in the server-rendered HTML too (`defaultValues.email`). */
  defaultValue?: string | undefined;
}

/**
 * The email input as GOV.UK's email pattern has it: visible label, `type=email`,
 * `autocomplete=email`, no spellcheck or autocapitalisation, error linked to the input.
 *
 * @example
 * <EmailField ids={ids} messages={messages} register={form.register} issue={issueFor('email')} />
 */
export function EmailField({ ids, messages, register, issue, defaultValue }: EmailFieldProps) {
  const describedBy = cx(messages.emailHint && ids.emailHint, issue && ids.error('email'));
  return (
    <div className={cx('dd-signup__field', issue && 'dd-signup__field--error')}>
      <label className="dd-signup__label" htmlFor={ids.email}>
        {messages.emailLabel}
      </label>
      <HintAndError hint={messages.emailHint} hintId={ids.emailHint} error={issue?.message} errorId={ids.error('email')} prefix={messages.errorPrefix} />
      <input
        className="dd-signup__input dd-signup__input--email"
        id={ids.email}
        type="email"
        autoComplete="email"
        spellCheck={false}
        autoCapitalize="none"
        autoCorrect="off"
        required
        aria-invalid={issue ? true : undefined}
        aria-describedby={describedBy || undefined}
        defaultValue={defaultValue}
        {...register('email')}
      />
    </div>
  );
}
