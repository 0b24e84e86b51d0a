import type { ConsentKey, DataValue, MockContact } from '../account/mock-contact.js';
import type { V3ContactInput } from '../account/mock-import.js';
import { allPreferences, type MockStore } from '../account/mock-store.js';
import { isObject } from './loose-json.js';
import type { MockV3ErrorDetail } from './mock-api-error.js';
import { readPreferredLocale } from './mock-preferred-locale.js';
import { dataFieldValue, isValidEmail } from './mock-contact-input.js';

// v3 consent record properties, and the v2 keys they are stored (and shown) under.
const CONSENT_PROPERTIES: Record<string, ConsentKey> = { text: 'TEXT', dateTimeConsented: 'DATETIMECONSENTED', url: 'URL', ipAddress: 'IPADDRESS', userAgent: 'USERAGENT' };
const OPT_IN: Record<string, MockContact['optInType']> = { unknown: 'Unknown', single: 'Single', double: 'Double', verifiedDouble: 'VerifiedDouble' };
const EMAIL_TYPE: Record<string, MockContact['emailType']> = { html: 'Html', plainText: 'PlainText' };

/**
 * Reads one v3 contact. Problems that make the request malformed (an unknown data field,
 * preference or list, a consent record without all five fields, more than five records) are
 * pushed onto `details` with `item` naming where they are; the caller answers them as a v3
 * 400. An invalid address is not one of them: it is a per-contact failure in an import.
 */
export function readV3Contact(store: MockStore, raw: unknown, item: string, email: string | undefined, details: MockV3ErrorDetail[]): V3ContactInput {
  const problem = (where: string, description: string) => details.push({ item: `${item}${where}`.replace(/^\./, ''), description });
  const source = isObject(raw) ? raw : (problem('', 'A contact must be a JSON object.'), {});
  const identifiers = source.identifiers;
  const given = email ?? (isObject(identifiers) && typeof identifiers.email === 'string' ? identifiers.email : undefined);
  if (given === undefined) problem('.identifiers.email', 'The email identifier is required.');
  const address = (given ?? '').trim();

  const dataFields = new Map<string, DataValue>();
  if (source.dataFields !== undefined && source.dataFields !== null) {
    if (!isObject(source.dataFields)) problem('.dataFields', 'dataFields must be an object of NAME: value.');
    else for (const [name, value] of Object.entries(source.dataFields)) {
      const field = store.dataFields.find((candidate) => candidate.name.toUpperCase() === name.toUpperCase());
      if (!field) problem(`.dataFields.${name}`, `Data field '${name}' does not exist: create it in the account, or leave it out.`);
      else if (value === null) dataFields.set(field.name, null);
      else {
        try {
          dataFields.set(field.name, dataFieldValue(field, value));
        } catch {
          problem(`.dataFields.${name}`, `Data field '${field.name}' expects a ${field.type} value.`);
        }
      }
    }
  }

  const channel: Record<string, unknown> = isObject(source.channelProperties) && isObject(source.channelProperties.email) ? source.channelProperties.email : {};
  const status = channel.status === undefined ? undefined : channel.status === 'subscribed' || channel.status === 'unsubscribed' ? channel.status : (problem('.channelProperties.email.status', 'status must be "subscribed" or "unsubscribed".'), undefined);
  const optInType = channel.optInType === undefined ? undefined : OPT_IN[String(channel.optInType)] ?? (problem('.channelProperties.email.optInType', 'optInType must be unknown, single, double or verifiedDouble.'), undefined);
  const emailType = channel.emailType === undefined ? undefined : EMAIL_TYPE[String(channel.emailType)] ?? (problem('.channelProperties.email.emailType', 'emailType must be html or plainText.'), undefined);
  const options = channel.resubscribeOptions;
  const locale = isObject(options) ? readPreferredLocale(options.preferredLocale) : undefined;
  if (locale === false) problem('.channelProperties.email.resubscribeOptions.preferredLocale', 'preferredLocale must be a locale Dotdigital supports, e.g. de-DE.');
  const resubscribe = isObject(options)
    ? {
        noChallenge: options.resubscribeWithNoChallenge === true,
        ...(locale ? { preferredLocale: locale } : {}),
        ...(typeof options.redirectUrlAfterChallenge === 'string' ? { redirectUrl: options.redirectUrlAfterChallenge } : {}),
      }
    : undefined;

  const books = new Set(store.addressBooks.map((book) => book.id));
  const lists = Array.isArray(source.lists) ? source.lists : source.lists === undefined ? [] : (problem('.lists', 'lists must be an array of list ids.'), []);
  if (lists.length > 100) problem('.lists', 'At most 100 lists.');
  lists.forEach((id, index) => books.has(Number(id)) || problem(`.lists[${index}]`, `List ${String(id)} does not exist.`));

  const known = new Set(allPreferences(store.preferences).map((preference) => preference.id));
  const preferences = new Map<number, boolean>();
  const chosen = Array.isArray(source.preferences) ? source.preferences : [];
  chosen.forEach((choice, index) => {
    const id = isObject(choice) ? Number(choice.id) : NaN;
    if (!known.has(id)) problem(`.preferences[${index}].id`, `Preference ${isObject(choice) ? String(choice.id) : '?'} does not exist (preferences are listed by GET /v2/preferences).`);
    else preferences.set(id, isObject(choice) && choice.isOptedIn === true);
  });

  return {
    email: address, emailValid: isValidEmail(address), dataFields, status, emailType, optInType, resubscribe,
    lists: lists.map(Number), preferences, consentRecords: readConsentRecords(source.consentRecords, `${item}.consentRecords`, details),
  };
}

/** v3 consent records: 1–5, each with exactly the five properties, all non-empty strings. */
function readConsentRecords(raw: unknown, item: string, details: MockV3ErrorDetail[]): Array<Record<ConsentKey, string>> {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > 5) {
    details.push({ item, description: 'consentRecords must hold 1 to 5 records.' });
    return [];
  }
  return raw.map((record, index) => {
    const fields = {} as Record<ConsentKey, string>;
    const where = `${item}[${index}]`;
    if (!isObject(record)) {
      details.push({ item: where, description: 'A consent record must be an object.' });
      return fields;
    }
    for (const name of Object.keys(record)) if (!(name in CONSENT_PROPERTIES)) details.push({ item: `${where}.${name}`, description: `Unknown property '${name}': a record has only text, dateTimeConsented, url, ipAddress and userAgent.` });
    for (const [name, key] of Object.entries(CONSENT_PROPERTIES)) {
      const value = record[name];
      if (typeof value !== 'string' || value.trim() === '') details.push({ item: `${where}.${name}`, description: `'${name}' is required.` });
      else if (name === 'dateTimeConsented' && Number.isNaN(Date.parse(value))) details.push({ item: `${where}.${name}`, description: `'${name}' must be an ISO-8601 date and time.` });
      else fields[key] = value;
    }
    return fields;
  });
}
