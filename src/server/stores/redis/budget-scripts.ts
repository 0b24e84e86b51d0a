// The call budget's two steps as Lua, one hash per budget, the same rules as the memory budget
// (memory-call-budget.ts, whose comments say why). Fields: blockedUntil, failures,
// firstFailureAt, outage, probeUntil; the window's remaining, resetAt, resetFrom, limit,
// nextSpent; guessed, previousResetAt. Times are the caller's clock in ms.
// Numbers are written with %.0f: Lua's own tostring would print 1.76e+12 and lose the time.

/** KEYS budget · ARGV now, probeEveryMs, windowMs → { allowed 0|1, 'ok'|'probe'|'rate-limited'|'unavailable', retryAfterMs }. */
export const MAY_CALL_LUA = `
local now = tonumber(ARGV[1])
local s = redis.call('hmget', KEYS[1], 'blockedUntil', 'outage', 'probeUntil', 'remaining', 'resetAt', 'limit', 'nextSpent', 'resetFrom')
local blocked = tonumber(s[1]) or 0
if blocked > now then return { 0, 'rate-limited', blocked - now } end
if s[2] == '1' then
  local probe = tonumber(s[3]) or 0
  if probe > now then return { 0, 'unavailable', probe - now } end
  redis.call('hset', KEYS[1], 'probeUntil', string.format('%.0f', now + tonumber(ARGV[2])))
  return { 1, 'probe', 0 }
end
local remaining, resetAt, limit, resetFrom = tonumber(s[4]), tonumber(s[5]) or 0, tonumber(s[6]), tonumber(s[8]) or 0
if limit and resetAt <= now then
  remaining, resetAt = limit - (tonumber(s[7]) or 0), now + tonumber(ARGV[3])
  resetFrom = resetAt
  local at = string.format('%.0f', resetAt)
  redis.call('hset', KEYS[1], 'remaining', string.format('%.0f', remaining), 'nextSpent', '0', 'guessed', '1', 'previousResetAt', s[5] or '0', 'resetAt', at, 'resetFrom', at)
end
if resetAt > now and remaining then
  if remaining <= 0 then return { 0, 'rate-limited', resetAt - now } end
  redis.call('hincrby', KEYS[1], 'remaining', -1)
  if now >= resetFrom then redis.call('hincrby', KEYS[1], 'nextSpent', 1) end
end
return { 1, 'ok', 0 }`;

/**
 * KEYS budget · ARGV now, failure 0|1, success 0|1, blockUntil|'', remaining|'', resetAt|'',
 * failuresToOutage, failureWindowMs, probeEveryMs, resetFrom|'', limit|''. The outcome is read by \`readOutcome\` first.
 */
export const RECORD_LUA = `
local now = tonumber(ARGV[1])
if ARGV[4] ~= '' then
  local current = tonumber(redis.call('hget', KEYS[1], 'blockedUntil')) or 0
  if tonumber(ARGV[4]) > current then redis.call('hset', KEYS[1], 'blockedUntil', ARGV[4]) end
end
if ARGV[11] ~= '' then redis.call('hset', KEYS[1], 'limit', ARGV[11]) end
if ARGV[5] ~= '' and ARGV[6] ~= '' and ARGV[10] ~= '' then
  local remaining, resetAt, resetFrom = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[10])
  local s = redis.call('hmget', KEYS[1], 'remaining', 'resetAt', 'guessed', 'previousResetAt', 'resetFrom', 'limit', 'nextSpent')
  local stored, storedReset, guessed = tonumber(s[1]), tonumber(s[2]) or 0, s[3] == '1'
  local bound = storedReset
  if guessed then bound = tonumber(s[4]) or 0 end
  if storedReset <= now or resetFrom > bound then
    local localCount = stored
    if not guessed then
      localCount = nil
      if s[6] then localCount = tonumber(s[6]) - (tonumber(s[7]) or 0) end
    end
    if localCount ~= nil and localCount < remaining then remaining = localCount end
    redis.call('hset', KEYS[1], 'remaining', string.format('%.0f', remaining), 'resetAt', ARGV[6], 'resetFrom', ARGV[10], 'nextSpent', '0', 'guessed', '0')
  elseif not guessed and resetAt >= (tonumber(s[5]) or 0) then
    if stored == nil or remaining < stored then redis.call('hset', KEYS[1], 'remaining', ARGV[5]) end
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
