import type { FormField } from '../core/form-definition.js';
import type { SignupMessages } from '../core/messages.js';
import { FieldError } from './field-error.js';
import { cx, type SignupFormIds } from './signup-form-ids.js';
import type { SignupIssue } from '../core/signup-issue.js';
import type { UseFormRegister } from 'react-hook-form';
import type { SignupFormValues } from '../core/signup-form-schema.js';

/** Dotdigital's default data fields, mapped to what browsers autofill. */
const AUTOCOMPLETE: Record<string, string> = { FIRSTNAME: 'given-name', LASTNAME: 'family-name', FULLNAME: 'name', POSTCODE: 'postal-code' };

/** Props of {@link DataField}. */
export interface DataFieldProps {
  field: FormField;
  ids: SignupFormIds;
  messages: SignupMessages;
  register: UseFormRegister<SignupFormValues>;
  issue: SignupIssue | undefined;
  /** The value to prefill, in the server-rendered HTML too (`defaultValues.fields`): text, or `true` to tick a checkbox. */
  defaultValue?: string | boolean | undefined;
}

/**
 * One contact data field the proxy allows: text (`String`), a number typed as text with a
 * numeric keyboard (`Numeric`, as GOV.UK advises), a date picker (`Date`) or a checkbox
 * (`Boolean`). Optional fields say so in their label.
 *
 * @example
 * <DataField field={{ name: 'FIRSTNAME', label: 'First name', type: 'String', required: false }} … />
 */
export function DataField({ field, ids, messages, register, issue, defaultValue }: DataFieldProps) {
  const id = ids.field(field.name);
  const errorId = ids.error(`fields.${field.name}`);
  const label = field.required ? field.label : `${field.label} ${messages.optional}`;
  const common = {
    id,
    required: field.required,
    'aria-invalid': issue ? true : undefined,
    'aria-describedby': issue ? errorId : undefined,
    ...register(`fields.${field.name}`),
  } as const;
  const error = issue ? <FieldError id={errorId} prefix={messages.errorPrefix} message={issue.message} /> : null;

  if (field.type === 'Boolean') {
    return (
      <div className={cx('dd-signup__field', issue && 'dd-signup__field--error')}>
        {error}
        <div className="dd-signup__checkbox">
          <input className="dd-signup__checkbox-input" type="checkbox" defaultChecked={defaultValue === true} {...common} />
          <label className="dd-signup__checkbox-label" htmlFor={id}>
            {label}
          </label>
        </div>
      </div>
    );
  }
  return (
    <div className={cx('dd-signup__field', issue && 'dd-signup__field--error')}>
      <label className="dd-signup__label" htmlFor={id}>
        {label}
      </label>
      {error}
      <input
        className={cx('dd-signup__input', field.type === 'Date' && 'dd-signup__input--date')}
        type={field.type === 'Date' ? 'date' : 'text'}
        inputMode={field.type === 'Numeric' ? 'decimal' : undefined}
        autoComplete={AUTOCOMPLETE[field.name]}
        defaultValue={typeof defaultValue === 'string' ? defaultValue : undefined}
        {...common}
      />
    </div>
  );
}
