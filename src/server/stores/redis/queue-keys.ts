/**
 * The Redis keys of one queue. All share the `{prefix}` hash tag, so on a Redis Cluster they
 * live in one slot and a script may touch them together.
 *
 * - `entries`  hash   id → the entry's JSON as added (never rewritten: a Lua JSON round trip
 *                     would turn `[]` into `{}` and round long numbers)
 * - `state`    hash   id → `dueAt:attempts`, what `reschedule` changes
 * - `order`    hash   id → `acceptedAt`, the order claims go in
 * - `waiting`  zset   id → when it becomes claimable: its `dueAt`, or its lease's end
 * - `ready`    zset   id → `acceptedAt`, for entries due and not leased (a claim first moves
 *                     what has become due from `waiting`, then takes the oldest from here)
 *   An entry in neither set is parked in a bulk import.
 * - `leases`   hash   id → the lease token of its latest claim
 * - `imports`  hash   batchId → `{ startedAt, entries: [id, lease, …] }`
 * - `importIds` hash  batchId → Dotdigital's import id
 * - `malformed` hash  id → what was stored, for an operator to look at (it holds addresses, so it expires)
 * - `malformed-at` zset id → when it was moved aside; entries older than the retention are deleted
 * - `dead`     hash   id → a dead letter's JSON: `{ entry, attempts, reason, diedAt, status?, token? }`,
 *                     `entry` the entry's JSON as added
 * - `dead-order` zset id → when it died, for the retention
 *
 * @example
 * const keys = queueKeys('signup');
 * await redis.hlen(keys.entries);
 */
export function queueKeys(prefix: string) {
  const at = (name: string) => `{${prefix}}:queue:${name}`;
  return {
    entries: at('entries'),
    state: at('state'),
    order: at('order'),
    waiting: at('waiting'),
    ready: at('ready'),
    leases: at('leases'),
    imports: at('imports'),
    importIds: at('import-ids'),
    malformed: at('malformed'),
    malformedAt: at('malformed-at'),
    dead: at('dead'),
    deadOrder: at('dead-order'),
  };
}

export type QueueKeys = ReturnType<typeof queueKeys>;
