import type { ConsentKey, DataValue, MockContact } from '../account/mock-contact.js';
import type { MockDataField } from '../account/mock-seed.js';
import type { MockStore } from '../account/mock-store.js';
import { pick, pickArray, pickString } from './loose-json.js';
import { MockApiError } from './mock-api-error.js';
import { apiTime } from './mock-json.js';

/** A contact as a write call sent it, checked against the account. */
export interface ContactInput {
  email: string;
  optInType: MockContact['optInType'] | undefined;
  emailType: MockContact['emailType'] | undefined;
  dataFields: Map<string, DataValue>;
}

// Dotdigital's own check is stricter than "has an @"; this catches what a form would.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** True for an address Dotdigital would accept (trimmed by the caller). */
export const isValidEmail = (email: string): boolean => EMAIL.test(email) && email.length <= 254;
const OPT_IN_TYPES = ['Unknown', 'Single', 'Double', 'VerifiedDouble'] as const;
const EMAIL_TYPES = ['PlainText', 'Html'] as const;
// Set by Dotdigital itself; clients echo it back (the seed's own example does), so it is accepted and ignored.
const SYSTEM_FIELDS = new Set(['LASTSUBSCRIBED']);

/** Reads and checks a contact object (`contact` of the with-consent calls, or an address-book body). */
export function readContactInput(store: MockStore, source: unknown): ContactInput {
  const email = pickString(source, 'email')?.trim() ?? '';
  if (!isValidEmail(email)) {
    throw new MockApiError(400, 'Email is not a valid email address. ERROR_PARAMETER_INVALID');
  }
  const dataFields = new Map<string, DataValue>();
  for (const pair of pickArray(source, 'dataFields')) {
    const key = (pickString(pair, 'key') ?? '').toUpperCase();
    if (SYSTEM_FIELDS.has(key)) continue;
    const field = store.dataFields.find((candidate) => candidate.name.toUpperCase() === key);
    if (!field) throw new MockApiError(400, `Data field '${key}' does not exist. ERROR_DATAFIELD_NOTFOUND`);
    dataFields.set(field.name, dataFieldValue(field, pick(pair, 'value')));
  }
  return { email, optInType: oneOf(pickString(source, 'optInType'), OPT_IN_TYPES), emailType: oneOf(pickString(source, 'emailType'), EMAIL_TYPES), dataFields };
}

/** A value cast to the field's type the way Dotdigital accepts it, or ERROR_DATAFIELD_INVALID. */
export function dataFieldValue(field: MockDataField, value: unknown): DataValue {
  if (value === undefined || value === null) return null;
  const invalid = () => new MockApiError(400, `Data field '${field.name}' expects a ${field.type} value. ERROR_DATAFIELD_INVALID`);
  switch (field.type) {
    case 'String':
      if (typeof value === 'object') throw invalid();
      return String(value);
    case 'Numeric': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(number)) throw invalid();
      return number;
    }
    case 'Boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
      throw invalid();
    case 'Date': {
      const time = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim()) ? Date.parse(value.trim()) : NaN;
      if (Number.isNaN(time)) throw invalid();
      return apiTime(new Date(time));
    }
  }
}

// Every spelling of the consent keys seen in Dotdigital's docs and clients, lower-cased.
const CONSENT_SYNONYMS: Record<string, ConsentKey> = {
  text: 'TEXT', consenttext: 'TEXT',
  datetimeconsented: 'DATETIMECONSENTED', consentdatetime: 'DATETIMECONSENTED',
  url: 'URL', consenturl: 'URL',
  ipaddress: 'IPADDRESS', consentip: 'IPADDRESS',
  useragent: 'USERAGENT', consentuseragent: 'USERAGENT',
};

/** The `consentFields` records, keys in any documented spelling, mapped to the canonical keys. */
export function readConsentRecords(body: unknown): Array<Partial<Record<ConsentKey, string>>> {
  return pickArray(body, 'consentFields').map((record) => {
    const fields: Partial<Record<ConsentKey, string>> = {};
    for (const pair of pickArray(record, 'fields')) {
      const key = CONSENT_SYNONYMS[(pickString(pair, 'key') ?? '').toLowerCase()];
      const value = pick(pair, 'value');
      if (key && value !== undefined && typeof value !== 'object') fields[key] = String(value);
    }
    return fields;
  });
}

// Enum values are matched case-insensitively like property names, and answered in canonical case.
function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  const wanted = value?.toLowerCase();
  return allowed.find((candidate) => candidate.toLowerCase() === wanted);
}
