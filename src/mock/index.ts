export { createMockDotdigital } from './create-mock-dotdigital.js';
export type { MockDotdigital } from './create-mock-dotdigital.js';
export type { MockChallengeLimit, MockDotdigitalOptions, MockFault, MockRateLimit } from './mock-options.js';
export { DEMO_API_PASSWORD, DEMO_API_USER, demoAddressBooks, demoDataFields, demoPreferences } from './mock-seed.js';
export type { MockAddressBook, MockDataField, MockPreference } from './mock-seed.js';
export type { MockConsentRecord, MockContact, MockContactStatus } from './mock-contact.js';
export type { MockApiCall, MockEmail, MockStore } from './mock-store.js';
export type { MockImport, MockImportFailure, MockImportStatus, MockImportedContact } from './mock-import.js';
export { listenMock } from './listen-mock.js';
