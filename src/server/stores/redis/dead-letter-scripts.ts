// The dead letters' steps that must be atomic, as Lua (layout: queue-keys.ts). KEYS = the six
// entry keys (entries, state, order, waiting, ready, leases), then dead, dead-order.
import { FORGET } from './queue-scripts.js';

/** ARGV id, letter JSON, diedAt → the entry is gone from the queue and kept as a dead letter. */
export const BURY_LUA = `
local id = ARGV[1]
${FORGET}
redis.call('hset', KEYS[7], id, ARGV[2])
redis.call('zadd', KEYS[8], ARGV[3], id)
return 1`;

/**
 * ARGV queuedBefore, now, limit → the letters (JSON) of up to \`limit\` entries queued before
 * \`queuedBefore\` (the \`order\` hash holds when each was queued or requeued) that nobody holds:
 * not parked in an import (in neither set), not under a lease running past \`now\`. The entry's
 * JSON goes into the letter as stored, never re-encoded. Reads every entry's time: some 20 ms of
 * Redis for 10 000 queued signups, once a delivery round.
 */
export const BURY_OVERDUE_LUA = `
local cutoff, now, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local out = {}
local order = redis.call('hgetall', KEYS[3])
for i = 1, #order, 2 do
  if #out >= limit then break end
  local id, at = order[i], tonumber(order[i + 1])
  if at and at < cutoff and redis.call('zscore', KEYS[5], id) == false then
    local score = redis.call('zscore', KEYS[4], id)
    local held = score == false or (tonumber(score) > now and redis.call('hexists', KEYS[6], id) == 1)
    local json = redis.call('hget', KEYS[1], id)
    if json and not held then
      local attempts = string.match(redis.call('hget', KEYS[2], id) or '', ':(%d+)$') or '0'
      local letter = '{"entry":' .. json .. ',"attempts":' .. attempts .. ',"reason":"expired","diedAt":' .. ARGV[2] .. '}'
      ${FORGET}
      redis.call('hset', KEYS[7], id, letter)
      redis.call('zadd', KEYS[8], ARGV[2], id)
      out[#out + 1] = letter
    end
  end
end
return out`;

/**
 * ARGV now, id1, entryJson1, id2, entryJson2, … → the ids it holds no dead letter of (then
 * nothing changed), or none: each is back in the queue, due and queued at \`now\`.
 */
export const REQUEUE_LUA = `
local missing = {}
for i = 2, #ARGV, 2 do
  if redis.call('hexists', KEYS[7], ARGV[i]) == 0 then missing[#missing + 1] = ARGV[i] end
end
if #missing > 0 then return missing end
for i = 2, #ARGV, 2 do
  local id = ARGV[i]
  redis.call('hdel', KEYS[7], id)
  redis.call('zrem', KEYS[8], id)
  if redis.call('hexists', KEYS[1], id) == 0 then
    redis.call('hset', KEYS[1], id, ARGV[i + 1])
    redis.call('hset', KEYS[2], id, ARGV[1] .. ':0')
    redis.call('hset', KEYS[3], id, ARGV[1])
    redis.call('zadd', KEYS[4], ARGV[1], id)
  end
end
return missing`;

/** KEYS dead, dead-order · ARGV diedBefore → how many dead letters it deleted. */
export const FORGET_DEAD_LUA = `
local ids = redis.call('zrangebyscore', KEYS[2], '-inf', '(' .. ARGV[1])
for _, id in ipairs(ids) do
  redis.call('hdel', KEYS[1], id)
  redis.call('zrem', KEYS[2], id)
end
return #ids`;

/**
 * KEYS entries, order, waiting, ready, leases, dead-order · ARGV now → queued, due, leased,
 * in imports, oldest queued-at ('' when empty), dead letters. Reads every entry's time once.
 */
export const COUNTS_LUA = `
local now = tonumber(ARGV[1])
local queued = redis.call('hlen', KEYS[1])
local ready, waiting = redis.call('zcard', KEYS[4]), redis.call('zcard', KEYS[3])
local leased = 0
for _, id in ipairs(redis.call('zrangebyscore', KEYS[3], '(' .. ARGV[1], '+inf')) do
  if redis.call('hexists', KEYS[5], id) == 1 then leased = leased + 1 end
end
local oldest = nil
for _, value in ipairs(redis.call('hvals', KEYS[2])) do
  local at = tonumber(value)
  if at and (oldest == nil or at < oldest) then oldest = at end
end
local due = ready + redis.call('zcount', KEYS[3], '-inf', ARGV[1])
return { queued, due, leased, queued - ready - waiting, oldest and string.format('%.0f', oldest) or '', redis.call('zcard', KEYS[6]) }`;
