import { expect, it } from 'vitest';
import * as dotdigital from '../../../src/server/dotdigital/index.js';

// What the proxy may import from the upstream client: a change here is a change for it.
it('exports exactly the documented names', () => {
  expect(Object.keys(dotdigital).sort()).toEqual([
    'API_ENDPOINT_PATTERN', 'DISCOVERY_URL', 'DotdigitalApiError', 'apiEndpointFrom', 'createDotdigitalClient', 'errorKindFor', 'parseRateLimit', 'readErrorToken', 'retryAfterMs',
  ]);
});
