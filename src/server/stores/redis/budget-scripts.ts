// The call budget's two steps as Lua, one hash per budget (fields: blockedUntil, remaining,
// resetAt, limit, guessed, previousResetAt, failures, firstFailureAt, outage, probeUntil). Times are the caller's clock in ms.
// Numbers are written with %.0f: Lua's own tostring would print 1.76e+12 and lose the time.

/** KEYS budget · ARGV now, probeEveryMs, windowMs → { allowed 0|1, 'ok'|'probe'|'rate-limited'|'unavailable', retryAfterMs }. */
export const MAY_CALL_LUA = `
local now = tonumber(ARGV[1])
local s = redis.call('hmget', KEYS[1], 'blockedUntil', 'outage', 'probeUntil', 'remaining', 'resetAt', 'limit')
local blocked = tonumber(s[1]) or 0
if blocked > now then return { 0, 'rate-limited', blocked - now } end
if s[2] == '1' then
  local probe = tonumber(s[3]) or 0
  if probe > now then return { 0, 'unavailable', probe - now } end
  redis.call('hset', KEYS[1], 'probeUntil', string.format('%.0f', now + tonumber(ARGV[2])))
  return { 1, 'probe', 0 }
end
local remaining, resetAt, limit = tonumber(s[4]), tonumber(s[5]) or 0, tonumber(s[6])
if limit and resetAt <= now then
  -- A new window: limit calls, until an answer of it says when it ends (a whole window from now till then).
  remaining, resetAt = limit, now + tonumber(ARGV[3])
  redis.call('hset', KEYS[1], 'remaining', s[6], 'resetAt', string.format('%.0f', resetAt), 'guessed', '1', 'previousResetAt', s[5] or '0')
end
if resetAt > now and remaining then
  if remaining <= 0 then return { 0, 'rate-limited', resetAt - now } end
  redis.call('hincrby', KEYS[1], 'remaining', -1)
end
return { 1, 'ok', 0 }`;

/**
 * KEYS budget · ARGV now, failure 0|1, success 0|1, blockUntil|'', remaining|'', resetAt|'',
 * failuresToOutage, failureWindowMs, probeEveryMs, sameWindowMs, limit|''. The outcome is read by \`readOutcome\` first.
 */
export const RECORD_LUA = `
local now = tonumber(ARGV[1])
if ARGV[4] ~= '' then
  local current = tonumber(redis.call('hget', KEYS[1], 'blockedUntil')) or 0
  if tonumber(ARGV[4]) > current then redis.call('hset', KEYS[1], 'blockedUntil', ARGV[4]) end
end
if ARGV[11] ~= '' then redis.call('hset', KEYS[1], 'limit', ARGV[11]) end
if ARGV[5] ~= '' and ARGV[6] ~= '' then
  local remaining, resetAt = tonumber(ARGV[5]), tonumber(ARGV[6])
  local s = redis.call('hmget', KEYS[1], 'remaining', 'resetAt', 'guessed', 'previousResetAt')
  local storedReset = tonumber(s[2]) or 0
  -- Answers of one window may arrive out of order: the lowest count is the latest news. The
  -- first answer of a window begun on a guess names its reset (the calls spent since count
  -- too); a late answer of the window before, its reset that one's, says nothing of it.
  if s[3] == '1' then
    if resetAt - (tonumber(s[4]) or 0) >= tonumber(ARGV[10]) then
      local stored = tonumber(s[1])
      if stored ~= nil and stored < remaining then remaining = stored end
      redis.call('hset', KEYS[1], 'remaining', string.format('%.0f', remaining), 'resetAt', ARGV[6], 'guessed', '0')
    end
  elseif math.abs(resetAt - storedReset) < tonumber(ARGV[10]) then
    local stored = tonumber(s[1])
    if stored == nil or remaining < stored then redis.call('hset', KEYS[1], 'remaining', ARGV[5]) end
  elseif resetAt > storedReset then
    redis.call('hset', KEYS[1], 'remaining', ARGV[5], 'resetAt', ARGV[6])
  end
end
if ARGV[3] == '1' then redis.call('hset', KEYS[1], 'failures', '0', 'outage', '0', 'probeUntil', '0') end
if ARGV[2] == '1' then
  local s = redis.call('hmget', KEYS[1], 'failures', 'firstFailureAt', 'outage')
  local failures, first = tonumber(s[1]) or 0, tonumber(s[2]) or 0
  if now - first > tonumber(ARGV[8]) then
    failures = 0
    redis.call('hset', KEYS[1], 'firstFailureAt', ARGV[1])
  end
  failures = failures + 1
  redis.call('hset', KEYS[1], 'failures', tostring(failures))
  if failures >= tonumber(ARGV[7]) and s[3] ~= '1' then
    redis.call('hset', KEYS[1], 'outage', '1', 'probeUntil', string.format('%.0f', now + tonumber(ARGV[9])))
  end
end
return 1`;
