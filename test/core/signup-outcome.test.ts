import { describe, expect, it } from 'vitest';
import { HONEYPOT_FIELD, readSignupOutcome, SIGNUP_ERROR_CODES, SIGNUP_FORM_FIELDS, SignupError, signupOutcomeResult, signupOutcomeUrl, signupRequestFromForm, withoutSignupOutcome, type SignupOutcome } from '../../src/core/index.js';

describe('the outcome of a posted form, in the page URL', () => {
  it.each<SignupOutcome>([
    { status: 'subscribed' },
    { status: 'pending_confirmation' },
    { status: 'queued' },
    { status: 'error', code: 'invalid_email', field: 'email' },
    { status: 'error', code: 'rate_limited', retryAfterSeconds: 42 },
    { status: 'error', code: 'unknown_field', field: 'fields.SHOE_SIZE' },
  ])('round-trips %j', (outcome) => {
    const url = signupOutcomeUrl('https://www.example.com/news?page=2#top', outcome, 'signup-1');
    expect(readSignupOutcome(url)).toEqual({ ...outcome, formId: 'signup-1' });
    expect(withoutSignupOutcome(url)).toBe('https://www.example.com/news?page=2#signup-1');
  });

  it('keeps the page fragment without a form id, and carries every error code', () => {
    expect(signupOutcomeUrl('https://www.example.com/news#form', { status: 'queued' })).toBe('https://www.example.com/news?dotdigital-signup=queued#form');
    for (const code of SIGNUP_ERROR_CODES) expect(readSignupOutcome(signupOutcomeUrl('https://x.example/', { status: 'error', code }))).toEqual({ status: 'error', code });
  });

  it('reads a URL without an outcome as none, and drops what anyone could write into one', () => {
    expect(readSignupOutcome('https://www.example.com/news?code=abc')).toBeUndefined();
    expect(readSignupOutcome('https://www.example.com/?dotdigital-signup=hacked')).toBeUndefined();
    expect(readSignupOutcome('https://www.example.com/?dotdigital-signup=error&dotdigital-signup-code=<script>&dotdigital-signup-field=<b>&dotdigital-signup-retry-after=-1')).toEqual({ status: 'error', code: 'internal_error' });
    expect(signupOutcomeUrl('https://x.example/', { status: 'error', code: 'invalid_field', field: 'a"><script>' })).toBe('https://x.example/?dotdigital-signup=error&dotdigital-signup-code=invalid_field');
  });
});

describe('the names of a posted form', () => {
  it('uses the JSON body\'s honeypot name', () => {
    expect(SIGNUP_FORM_FIELDS.honeypot).toBe(HONEYPOT_FIELD);
  });

  it('reads a form into the JSON body, filling in the server time and the Referer', () => {
    const form = new URLSearchParams([['email', 'ann@example.com'], ['preferences', '2'], ['preferences', '5'], ['fields.FIRSTNAME', 'Ann'], ['consent.text', 'T'], ['consent.version', 'v'], ['formId', 'x'], ['other', 'y']]);
    expect(signupRequestFromForm(form, { consentedAt: '2026-01-01T00:00:00.000Z', pageUrl: 'https://www.example.com/p' })).toEqual({
      email: 'ann@example.com',
      preferences: [2, 5],
      fields: { FIRSTNAME: 'Ann' },
      consent: { text: 'T', version: 'v', consentedAt: '2026-01-01T00:00:00.000Z', pageUrl: 'https://www.example.com/p' },
    });
    const sent = new URLSearchParams([['consent.consentedAt', '2026-02-02T00:00:00.000Z'], ['consent.pageUrl', 'https://www.example.com/q'], ['preferences', '1e3']]);
    expect(signupRequestFromForm(sent, { consentedAt: 'server', pageUrl: 'referer' })).toMatchObject({ preferences: [Number.NaN], consent: { consentedAt: '2026-02-02T00:00:00.000Z', pageUrl: 'https://www.example.com/q' } });
  });

  it('reads react-hook-form\'s checkbox names too (`preferences.p21=on`, <SignupForm>\'s), in form order', () => {
    const form = new URLSearchParams([['preferences.p21', 'on'], ['preferences', '9'], ['preferences.p3', 'on'], ['preferences.pX', 'on'], ['preferences.p', 'on'], ['preferences.', 'on']]);
    expect(signupRequestFromForm(form, { consentedAt: 'server' }).preferences).toEqual([21, 9, 3, Number.NaN, Number.NaN]);
    expect(SIGNUP_FORM_FIELDS.preferencePrefix.startsWith(`${SIGNUP_FORM_FIELDS.preferences}.`)).toBe(true);
  });
});

describe('the outcome as a server and the controller read it', () => {
  it('reads a query without its URL: URLSearchParams, or Next.js\'s searchParams record (no fragment, so no formId)', () => {
    const url = signupOutcomeUrl('https://x.example/p', { status: 'error', code: 'invalid_email', field: 'email', retryAfterSeconds: 5 }, 'signup');
    const { searchParams } = new URL(url);
    expect(readSignupOutcome(searchParams)).toEqual({ status: 'error', code: 'invalid_email', field: 'email', retryAfterSeconds: 5 });
    expect(readSignupOutcome(Object.fromEntries(searchParams))).toEqual({ status: 'error', code: 'invalid_email', field: 'email', retryAfterSeconds: 5 });
    expect(readSignupOutcome({ 'dotdigital-signup': 'queued', ref: ['a', 'b'] })).toEqual({ status: 'queued' });
    // A repeated parameter is not one outcome: ignored, as anything unexpected is.
    expect(readSignupOutcome({ 'dotdigital-signup': ['subscribed', 'error'] })).toBeUndefined();
    expect(readSignupOutcome({ 'dotdigital-signup': 'hacked', page: undefined })).toBeUndefined();
  });

  it('turns an outcome into what the controller shows: the status, or a SignupError with its field and wait', () => {
    expect(signupOutcomeResult({ status: 'pending_confirmation' })).toBe('pending_confirmation');
    const error = signupOutcomeResult({ status: 'error', code: 'rate_limited', retryAfterSeconds: 30 });
    expect(error).toBeInstanceOf(SignupError);
    expect(error).toMatchObject({ code: 'rate_limited', field: undefined, retryAfter: 30 });
    expect(signupOutcomeResult({ status: 'error', code: 'invalid_email', field: 'email' })).toMatchObject({ code: 'invalid_email', field: 'email' });
  });
});
