import { DEMO_API_PASSWORD, DEMO_API_USER } from '../src/mock/index.js';
import { MOCK_PORT } from './playwright.config.js';

const auth = `Basic ${Buffer.from(`${DEMO_API_USER}:${DEMO_API_PASSWORD}`).toString('base64')}`;

/** Reads from the demo's mock Dotdigital with the real API's own calls and the demo credentials (`port`: another demo's mock). */
export async function readMock<T>(path: string, port = MOCK_PORT): Promise<{ status: number; body: T }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: auth } });
  return { status: response.status, body: (await response.json()) as T };
}

/** A fresh address per test, so parallel tests never share a contact. */
export function uniqueEmail(tag: string): string {
  return `${tag}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export interface ConsentReadBack {
  contact: { email: string; status: string };
  consentFields: Array<{ id: string; fields: Array<{ key: string; value: string }> }>;
}

export interface PreferenceReadBack {
  id: number;
  isPreference: boolean;
  isOptedIn?: boolean;
  preferences?: PreferenceReadBack[];
}

/** The opted-in preference ids in a `GET /v2/contacts/{email}/preferences` tree. */
export function optedInIds(tree: PreferenceReadBack[]): number[] {
  return tree
    .flatMap((item) => (item.isPreference ? [item] : (item.preferences ?? [])))
    .filter((p) => p.isOptedIn)
    .map((p) => p.id)
    .sort((a, b) => a - b);
}
