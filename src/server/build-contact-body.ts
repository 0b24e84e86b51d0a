import { isPreferenceCategory, type FormDefinition, type SignupRequest } from '../core/index.js';
import type { ContactWithConsentBody } from './dotdigital/dotdigital-client.js';

/** Longest USERAGENT stored; browsers send ~150 characters, anything far longer is noise. */
export const MAX_USER_AGENT_LENGTH = 512;

/** What the server knows about the request, beyond the body. */
export interface RequestFacts {
  ipAddress: string;
  userAgent: string;
  consentedAt: string;
  optInType: 'Single' | 'VerifiedDouble';
}

/**
 * The Dotdigital body for one signup: the consent record (TEXT from the configuration,
 * never from the browser) and every shown preference, ticked ones opted in, the others out.
 *
 * @example
 * buildContactBody(request, definition, { ipAddress, userAgent, consentedAt, optInType: 'Single' });
 */
export function buildContactBody(request: SignupRequest, definition: FormDefinition, facts: RequestFacts): ContactWithConsentBody {
  const ticked = new Set(request.preferences ?? []);
  const preferences = definition.preferences.map((item) =>
    isPreferenceCategory(item)
      ? {
          id: item.id,
          isPreference: false,
          preferences: item.preferences.map((p) => ({ id: p.id, isPreference: true as const, isOptedIn: ticked.has(p.id) })),
        }
      : { id: item.id, isPreference: true, isOptedIn: ticked.has(item.id) },
  );
  return {
    contact: {
      email: request.email,
      optInType: facts.optInType,
      emailType: 'Html',
      dataFields: Object.entries(request.fields ?? {}).map(([key, value]) => ({ key, value })),
    },
    consentFields: [
      {
        fields: [
          { key: 'TEXT', value: definition.consent.text },
          { key: 'DATETIMECONSENTED', value: facts.consentedAt },
          { key: 'URL', value: request.consent.pageUrl },
          { key: 'IPADDRESS', value: facts.ipAddress },
          { key: 'USERAGENT', value: facts.userAgent.slice(0, MAX_USER_AGENT_LENGTH) },
        ],
      },
    ],
    preferences,
  };
}

/** Every preference id the definition offers (categories are not tickable). */
export function offeredPreferenceIds(definition: FormDefinition): Set<number> {
  return new Set(definition.preferences.flatMap((item) => (isPreferenceCategory(item) ? item.preferences.map((p) => p.id) : [item.id])));
}
