/** API user of the built-in demo account (not a secret: it only opens the local mock). */
export const DEMO_API_USER = 'apiuser-demo@apiconnector.com';
/** Password of the built-in demo account. */
export const DEMO_API_PASSWORD = 'demo-password-1';

/** A preference or category as `GET /v2/preferences` lists it. */
export interface MockPreference {
  id: number;
  publicName: string;
  privateName: string;
  isPreference: boolean;
  order: string;
  isPublic: boolean;
  categoryId: number;
  preferenceCount: number;
  created: string;
  lastModified: string;
  preferences?: MockPreference[];
}

/** A contact data field as `GET /v2/data-fields` lists it. Names are at most 20 characters. */
export interface MockDataField {
  name: string;
  type: 'String' | 'Numeric' | 'Date' | 'Boolean';
  visibility: 'Public' | 'Private';
  defaultValue: string | number | boolean | null;
}

/** An address book ("list") contacts can be added to. */
export interface MockAddressBook {
  id: number;
  name: string;
  visibility: 'Public' | 'Private';
}

const stamp = '2024-03-04T09:40:18.527Z';

function preference(id: number, name: string, order: number, categoryId: number, isPublic = true): MockPreference {
  return {
    id, publicName: name, privateName: name, isPreference: true, order: String(order), isPublic,
    categoryId, preferenceCount: 0, created: stamp, lastModified: stamp,
  };
}

/**
 * The demo account's preference tree: a category with two public preferences and one
 * private one, and one uncategorised public preference.
 *
 * @example
 * createMockDotdigital({ preferences: demoPreferences() });
 */
export function demoPreferences(): MockPreference[] {
  const children = [
    preference(2, 'Weekly newsletter', 0, 1),
    preference(3, 'Product updates', 1, 1),
    preference(4, 'Internal: sales follow-up', 2, 1, false),
  ];
  return [
    {
      id: 1, publicName: 'Newsletters', privateName: 'Newsletters', isPreference: false, order: '0',
      isPublic: true, categoryId: 0, preferenceCount: children.length, created: stamp, lastModified: stamp,
      preferences: children,
    },
    preference(5, 'Events near you', 1, 0),
  ];
}

/**
 * The data fields every Dotdigital account starts with (all `String`).
 *
 * @example
 * createMockDotdigital({ dataFields: [...demoDataFields(), { name: 'BIRTHDAY', type: 'Date', visibility: 'Private', defaultValue: null }] });
 */
export function demoDataFields(): MockDataField[] {
  return ['FIRSTNAME', 'LASTNAME', 'FULLNAME', 'GENDER', 'POSTCODE'].map((name) => ({
    name, type: 'String', visibility: 'Private', defaultValue: null,
  }));
}

/**
 * The demo account's address books.
 *
 * @example
 * createMockDotdigital({ addressBooks: [...demoAddressBooks(), { id: 7, name: 'Events', visibility: 'Public' }] });
 */
export function demoAddressBooks(): MockAddressBook[] {
  return [
    { id: 101, name: 'Newsletter signups', visibility: 'Public' },
    { id: 102, name: 'Customers', visibility: 'Private' },
  ];
}
