'use client';
import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { FIELD_TYPES } from '../core/field-types.js';
import type { FormDefinition } from '../core/form-definition.js';
import { offeredPreferences } from '../core/offered-preferences.js';
import type { SignupController } from '../core/signup-controller.js';
import type { SignupFieldName, SignupFormValues } from '../core/signup-form-schema.js';

/**
 * Gives every control a definition brings a value before it is drawn: `false` for each
 * preference and checkbox, `''` for text. A `<Controller>` then hands a UI kit's checkbox
 * `checked={false}` rather than `undefined` (which would make it uncontrolled). Values already
 * there — typed, ticked, or kept over a reloaded definition — are left alone. It listens to the
 * controller itself, so the values are in place before React draws the new definition.
 *
 * @example
 * useFormDefaults(form, controller);
 */
export function useFormDefaults(form: UseFormReturn<SignupFormValues>, controller: SignupController): void {
  useEffect(() => {
    const sync = () => {
      const { definition } = controller.getSnapshot();
      if (definition) fillDefaults(form, definition);
    };
    sync();
    return controller.subscribe(sync);
  }, [form, controller]);
}

function fillDefaults(form: UseFormReturn<SignupFormValues>, definition: FormDefinition): void {
  const names: Array<[SignupFieldName, string | boolean]> = [
    ...offeredPreferences(definition).map((p): [SignupFieldName, boolean] => [`preferences.p${p.id}`, false]),
    ...definition.fields.map((f): [SignupFieldName, string | boolean] => [`fields.${f.name}`, FIELD_TYPES[f.type].input === 'checkbox' ? false : '']),
  ];
  for (const [name, empty] of names) {
    if (form.getValues(name) === undefined) form.setValue(name, empty, { shouldDirty: false });
  }
}
