export { createMockDotdigital } from './create-mock-dotdigital.js';
export type { MockDotdigital } from './create-mock-dotdigital.js';
export type { MockChallengeLimit, MockDotdigitalOptions, MockFault, MockRateLimit } from './account/mock-options.js';
export { DEMO_API_PASSWORD, DEMO_API_USER, demoAddressBooks, demoDataFields, demoPreferences } from './account/mock-seed.js';
export type { MockAddressBook, MockDataField, MockPreference } from './account/mock-seed.js';
export type { MockConsentRecord, MockContact, MockContactStatus } from './account/mock-contact.js';
export type { MockApiCall, MockEmail, MockStore } from './account/mock-store.js';
export type { MockImport, MockImportFailure, MockImportStatus, MockImportedContact } from './account/mock-import.js';
export { listenMock } from './node/listen-mock.js';
