export { createDotdigitalClient } from './dotdigital-client.js';
export type { DotdigitalClient, DotdigitalClientOptions } from './dotdigital-client.js';
export { DotdigitalApiError, errorKindFor, readErrorToken } from './dotdigital-api-error.js';
export type { DotdigitalErrorDetails, DotdigitalErrorKind } from './dotdigital-api-error.js';
export { parseRateLimit, retryAfterMs } from './rate-limit.js';
export type { DotdigitalRateLimit } from './rate-limit.js';
export { API_ENDPOINT_PATTERN, apiEndpointFrom, DISCOVERY_URL } from './api-endpoint.js';
export type { ContactWithConsentBody, ContactWriteResult, DotdigitalContact, DotdigitalDataField, DotdigitalPreference, HeldContact, PreferenceChoice, ResubscribeOptions, V3ConsentRecord, V3ContactBody } from './dotdigital-types.js';
