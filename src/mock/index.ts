export { createMockDotdigital } from './create-mock-dotdigital.js';
export type { MockDotdigital } from './create-mock-dotdigital.js';
export type { MockDotdigitalOptions } from './mock-options.js';
export type { MockFault } from './mock-faults.js';
export type { MockRateLimit } from './mock-limits.js';
export { DEMO_API_PASSWORD, DEMO_API_USER, demoAddressBooks, demoDataFields, demoPreferences } from './mock-seed.js';
export type { MockAddressBook, MockDataField, MockPreference } from './mock-seed.js';
export type { MockApiCall, MockConsentRecord, MockContact, MockContactStatus, MockEmail, MockStore } from './mock-store.js';
export { listenMock } from './listen-mock.js';
