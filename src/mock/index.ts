export { createMockDotdigital } from './create-mock-dotdigital.js';
export type { MockDotdigital, MockDotdigitalOptions } from './create-mock-dotdigital.js';
export { DEMO_API_PASSWORD, DEMO_API_USER, demoDataFields, demoPreferences } from './mock-seed.js';
export type { MockDataField, MockPreference } from './mock-seed.js';
export type { MockConsentRecord, MockContact, MockStore } from './mock-store.js';
export { listenMock } from './listen-mock.js';
