// The queue's steps that must be atomic, as Lua run inside Redis (layout: queue-keys.ts).
// Every entry script takes the same keys, KEYS = entries, state, order, waiting, ready, leases;
// numbers arrive as strings.

/** Deletes entry `id` (a local of the script) wherever it is; KEYS 1–6 as above. */
export const FORGET = `
redis.call('hdel', KEYS[1], id)
redis.call('hdel', KEYS[2], id)
redis.call('hdel', KEYS[3], id)
redis.call('zrem', KEYS[4], id)
redis.call('zrem', KEYS[5], id)
redis.call('hdel', KEYS[6], id)`;

/** ARGV id, json, dueAt, attempts, acceptedAt, maxEntries → 1 added, 0 already there, -1 full. */
export const ADD_LUA = `
local id = ARGV[1]
if redis.call('hexists', KEYS[1], id) == 1 then return 0 end
if redis.call('hlen', KEYS[1]) >= tonumber(ARGV[6]) then return -1 end
redis.call('hset', KEYS[1], id, ARGV[2])
redis.call('hset', KEYS[2], id, ARGV[3] .. ':' .. ARGV[4])
redis.call('hset', KEYS[3], id, ARGV[5])
redis.call('zadd', KEYS[4], ARGV[3], id)
return 1`;

/**
 * ARGV now, limit, leaseUntil, lease → flat [id, json, state, …], oldest accepted first.
 * What has become due (dueAt reached, or a lease ended) moves to \`ready\` first.
 */
export const CLAIM_LUA = `
for _, id in ipairs(redis.call('zrangebyscore', KEYS[4], '-inf', ARGV[1])) do
  redis.call('zrem', KEYS[4], id)
  redis.call('zadd', KEYS[5], redis.call('hget', KEYS[3], id) or '0', id)
end
local out = {}
for _, id in ipairs(redis.call('zrange', KEYS[5], 0, tonumber(ARGV[2]) - 1)) do
  local json = redis.call('hget', KEYS[1], id)
  if json then
    redis.call('zrem', KEYS[5], id)
    redis.call('zadd', KEYS[4], ARGV[3], id)
    redis.call('hset', KEYS[6], id, ARGV[4])
    out[#out + 1] = id
    out[#out + 1] = json
    out[#out + 1] = redis.call('hget', KEYS[2], id) or ''
  else
    ${FORGET}
  end
end
return out`;

/** ARGV id → deletes the entry wherever it is. */
export const REMOVE_LUA = `
local id = ARGV[1]
${FORGET}
return 1`;

/** KEYS as above + malformed, malformedAt · ARGV id, now → moves an unreadable entry aside, noting when. */
export const QUARANTINE_LUA = `
local id = ARGV[1]
local json = redis.call('hget', KEYS[1], id)
if json then
  redis.call('hset', KEYS[7], id, json)
  redis.call('zadd', KEYS[8], ARGV[2], id)
end
${FORGET}
return 1`;

/**
 * KEYS malformed, malformedAt · ARGV now, cutoff → deletes entries moved aside before \`cutoff\`
 * (they hold personal data); one kept by an older version without a time is dated \`now\`.
 */
export const EXPIRE_MALFORMED_LUA = `
for _, id in ipairs(redis.call('hkeys', KEYS[1])) do
  if not redis.call('zscore', KEYS[2], id) then redis.call('zadd', KEYS[2], ARGV[1], id) end
end
for _, id in ipairs(redis.call('zrangebyscore', KEYS[2], '-inf', ARGV[2])) do redis.call('hdel', KEYS[1], id) end
redis.call('zremrangebyscore', KEYS[2], '-inf', ARGV[2])
return 1`;

/**
 * ARGV until, id1, lease1, id2, lease2, … → each entry still claimed under that lease (waiting,
 * not parked in an import) stays leased until \`until\` (never shortened).
 */
export const RENEW_LUA = `
local deadline = tonumber(ARGV[1])
for i = 2, #ARGV, 2 do
  local id = ARGV[i]
  if redis.call('hget', KEYS[6], id) == ARGV[i + 1] then
    local score = redis.call('zscore', KEYS[4], id)
    if score and tonumber(score) < deadline then redis.call('zadd', KEYS[4], ARGV[1], id) end
  end
end
return 1`;

/** ARGV id, lease, dueAt, attempts → 1 done, 0 stale lease or gone. */
export const RESCHEDULE_LUA = `
local id = ARGV[1]
if redis.call('hget', KEYS[6], id) ~= ARGV[2] then return 0 end
if redis.call('hexists', KEYS[1], id) == 0 then return 0 end
redis.call('hset', KEYS[2], id, ARGV[3] .. ':' .. ARGV[4])
redis.call('zrem', KEYS[5], id)
redis.call('zadd', KEYS[4], ARGV[3], id)
redis.call('hdel', KEYS[6], id)
return 1`;

/**
 * ARGV batchId, startedAt, id1, lease1, id2, lease2, … → flat [id, lease, …] of the entries
 * parked (those still held under their lease): taken out of both sets, recorded in \`imports\`.
 */
export const BEGIN_IMPORT_LUA = `
local parked = {}
for i = 3, #ARGV, 2 do
  local id, lease = ARGV[i], ARGV[i + 1]
  if redis.call('hget', KEYS[6], id) == lease and redis.call('hexists', KEYS[1], id) == 1 then
    redis.call('zrem', KEYS[4], id)
    redis.call('zrem', KEYS[5], id)
    parked[#parked + 1] = id
    parked[#parked + 1] = lease
  end
end
if #parked > 0 then
  redis.call('hset', KEYS[7], ARGV[1], cjson.encode({ startedAt = ARGV[2], entries = parked }))
end
return parked`;

/** KEYS imports, importIds · ARGV batchId, importId → 1 stored, 0 no such batch. */
export const MARK_IMPORT_LUA = `
if redis.call('hexists', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('hset', KEYS[2], ARGV[1], ARGV[2])
return 1`;

/**
 * KEYS as above + imports, importIds · ARGV batchId, now → entries of the batch still parked
 * under the batch's lease become claimable at \`now\`; the batch is forgotten.
 */
export const FINISH_IMPORT_LUA = `
local raw = redis.call('hget', KEYS[7], ARGV[1])
if raw then
  local entries = cjson.decode(raw).entries
  for i = 1, #entries, 2 do
    local id = entries[i]
    local parked = redis.call('zscore', KEYS[4], id) == false and redis.call('zscore', KEYS[5], id) == false
    if parked and redis.call('hexists', KEYS[1], id) == 1 and redis.call('hget', KEYS[6], id) == entries[i + 1] then
      redis.call('zadd', KEYS[4], ARGV[2], id)
      redis.call('hdel', KEYS[6], id)
    end
  end
end
redis.call('hdel', KEYS[7], ARGV[1])
redis.call('hdel', KEYS[8], ARGV[1])
return 1`;
