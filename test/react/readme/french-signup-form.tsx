// app/newsletter/french-signup-form.tsx: the messages imported here, in a client component, so the
// server renders French and the browser hydrates the same French (no language chunk to wait for).
'use client';
import { SignupForm, type SignupFormProps } from 'dotdigital-signup';
import { frenchMessages } from 'dotdigital-signup/core';

export function FrenchSignupForm(props: SignupFormProps) {
  return <SignupForm {...props} messages={frenchMessages} />;
}
