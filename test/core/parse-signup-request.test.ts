import { describe, expect, it } from 'vitest';
import { parseSignupRequest } from '../../src/core/index.js';

const consent = { text: 'Yes please.', version: 'abc', consentedAt: '2026-01-26T21:29:00.000Z', pageUrl: 'https://www.example.com/signup' };

describe('parseSignupRequest', () => {
  it('accepts a complete signup and trims the address', () => {
    const parsed = parseSignupRequest({ email: '  ann@example.com ', preferences: [2, 5], consent });
    expect(parsed).toEqual({ ok: true, value: { email: 'ann@example.com', preferences: [2, 5], consent } });
  });

  it.each([
    [{ consent }, 'missing_email', 'email'],
    [{ email: '   ', consent }, 'missing_email', 'email'],
    [{ email: 'not-an-email', consent }, 'invalid_email', 'email'],
    [{ email: `${'a'.repeat(250)}@example.com`, consent }, 'invalid_email', 'email'],
    [{ email: 42, consent }, 'invalid_email', 'email'],
    [{ email: 'ann@example.com', consent: { ...consent, pageUrl: 'javascript:alert(1)' } }, 'invalid_page_url', 'consent.pageUrl'],
    [{ email: 'ann@example.com', consent: { ...consent, consentedAt: 'yesterday' } }, 'invalid_request', 'consent.consentedAt'],
    [{ email: 'ann@example.com', preferences: ['2'], consent }, 'invalid_request', 'preferences.0'],
    [{ email: 'ann@example.com', fields: { FIRSTNAME: { x: 1 } }, consent }, 'invalid_field', 'fields.FIRSTNAME'],
    [{ email: 'ann@example.com' }, 'invalid_request', 'consent'],
  ])('refuses %j with %s on %s', (body, code, field) => {
    const parsed = parseSignupRequest(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatchObject({ code, field });
  });

  it.each([null, [], 'ann@example.com', 7])('refuses a body that is not an object: %j', (body) => {
    expect(parseSignupRequest(body)).toMatchObject({ ok: false, problem: { code: 'invalid_request' } });
  });
});
