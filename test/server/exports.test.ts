import { expect, it } from 'vitest';
import * as server from '../../src/server/index.js';
import * as node from '../../src/server/node/index.js';

// The public surface of `dotdigital-signup/server` and `/server/node`: a change here is a change for users.
it('exports exactly the documented names', () => {
  expect(Object.keys(server).sort()).toEqual(['SignupQueueFullError', 'consentVersion', 'createMemoryCallBudget', 'createMemoryCounters', 'createMemoryDrainLock', 'createMemorySignupQueue', 'createSignupHandler', 'normalizeIp', 'startQueueDelivery']);
  expect(Object.keys(node).sort()).toEqual(['DEFAULT_CONSENT_TEXT', 'createFileSignupQueue', 'createNodeFetch', 'listenSignup', 'optionsFromEnv', 'queueFromEnv', 'toNodeListener']);
});
