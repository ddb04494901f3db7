import { script } from "./connection.js";

// The fleet's budget, in one script so that checking and consuming both windows is one atomic step on Redis's
// clock. KEYS[1]: sorted set of grants (member = a unique id, score = Redis time in ms). KEYS[2]: hash with the
// 429 back-off (`blocked`: nothing before; `slow`: reduced limits before).
// ARGV: mode ("acquire" | "seed" | "backoff"), perSecond, perMinute (0 = no limit), secondMs, minuteMs (window
// widths incl. margin), factor, member, retryAfterMs, cooldownMs, horizonMs, then pairs of (age ms, member) to
// record first (grants made while Redis was away, or lost with a restart; NX keeps those it still has).
// Returns for acquire: W >= 0 = granted for W ms from now (the slot is taken: wait W, then send, no second round
// trip); -W = nothing free within horizonMs, ask again in W ms. 0 for seed and backoff.
export const RATE_SCRIPT = script(`
if redis.replicate_commands then redis.replicate_commands() end
local log, state = KEYS[1], KEYS[2]
local mode = ARGV[1]
local perSecond, perMinute = tonumber(ARGV[2]), tonumber(ARGV[3])
local secondMs, minuteMs = tonumber(ARGV[4]), tonumber(ARGV[5])
local factor = tonumber(ARGV[6])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local keep = 0
if perSecond > 0 then keep = secondMs end
if perMinute > 0 and minuteMs > keep then keep = minuteMs end

for i = 11, #ARGV, 2 do
  local at = now - tonumber(ARGV[i])
  if at > now - keep then redis.call('ZADD', log, 'NX', string.format('%.3f', at), ARGV[i + 1]) end
end
redis.call('ZREMRANGEBYSCORE', log, '-inf', now - keep)
if redis.call('EXISTS', log) == 1 then redis.call('PEXPIRE', log, math.ceil(keep) + 1000) end

local blocked = tonumber(redis.call('HGET', state, 'blocked') or '0')
local slow = tonumber(redis.call('HGET', state, 'slow') or '0')
if mode == 'backoff' then
  local retryAfter, cooldown = tonumber(ARGV[8]), tonumber(ARGV[9])
  if retryAfter > 0 and now + retryAfter > blocked then blocked = now + retryAfter end
  local from = now
  if blocked > from then from = blocked end
  if from + cooldown > slow then slow = from + cooldown end
  redis.call('HSET', state, 'blocked', string.format('%.3f', blocked), 'slow', string.format('%.3f', slow))
  redis.call('PEXPIRE', state, math.ceil(slow - now) + 1000)
  return 0
end
if mode == 'seed' then return 0 end

-- The earliest time both windows allow, never before the back-off or the newest grant (grants are handed out in
-- time order, which keeps the "limit-th newest" rule exact).
local at = now
if blocked > at then at = blocked end
local n = redis.call('ZCARD', log)
if n > 0 then
  local newest = tonumber(redis.call('ZRANGE', log, -1, -1, 'WITHSCORES')[2])
  if newest > at then at = newest end
end
local function check(limit, ms)
  if limit <= 0 then return end
  if now < slow then limit = math.max(1, math.floor(limit * factor)) end
  if n >= limit then
    -- A window ending at \`at\` holds the grants later than at - ms; the limit-th newest must have left it.
    local free = tonumber(redis.call('ZRANGE', log, n - limit, n - limit, 'WITHSCORES')[2]) + ms
    if free > at then at = free end
  end
end
check(perSecond, secondMs)
check(perMinute, minuteMs)
local wait = at - now
if wait > tonumber(ARGV[10]) then return -math.ceil(wait) end
redis.call('ZADD', log, string.format('%.3f', at), ARGV[7])
redis.call('PEXPIRE', log, math.ceil(keep + wait) + 1000)
return math.ceil(wait)
`);
