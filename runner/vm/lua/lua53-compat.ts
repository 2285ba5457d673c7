// Lua 5.3 behaviour that TIC-80 carts rely on, restored on top of wasmoon's Lua 5.4. TIC-80 runs
// Lua 5.3.6 built with LUA_COMPAT_5_2 (reference §10), so carts may use the 5.2 math functions,
// strings in bitwise operators, __ipairs and __lt standing in for a missing __le. Each block below
// names what it restores. math.random and math.randomseed are 5.3's over glibc's random(), in
// lua53-random.ts.
//
// Behaviour that is the same in both versions (string.format('%d', 3.0), integer for-loops with a
// float limit, string arithmetic) needs nothing here; the conformance suite checks it.
//
// The wrappers check their arguments themselves and raise 5.3's messages at the cart's line; the
// original C functions are then called with valid arguments (through pcall where they can still
// fail), so no message names this chunk.

export const LUA53_COMPAT_CHUNK = '=[nibble-compat]';

export const LUA53_COMPAT = `
local type, tonumber, select, error, pcall = type, tonumber, select, error, pcall
local getmetatable, rawget, rawset = getmetatable, rawget, rawset
local m = math
local mtype, tointeger, floor, huge = m.type, m.tointeger, m.floor, m.huge

-- luaL_argerror, luaL_checknumber and luaL_checkinteger for the wrappers below, which call them
-- directly: level 3 is the wrapper's caller, the cart. n is the wrapper's argument count.
local function argError(fname, i, problem)
  error('bad argument #' .. i .. " to '" .. fname .. "' (" .. problem .. ')', 3)
end
local function numberArg(i, n, ...)
  local v = select(i, ...)
  local x = (type(v) == 'number' or type(v) == 'string') and tonumber(v) or nil
  if x == nil then return nil, 'number expected, got ' .. (n < i and 'no value' or type(v)) end
  return x
end
local function checknumber(fname, i, n, ...)
  local x, problem = numberArg(i, n, ...)
  if x == nil then error('bad argument #' .. i .. " to '" .. fname .. "' (" .. problem .. ')', 3) end
  return x
end
local function checkinteger(fname, i, n, ...)
  local x, problem = numberArg(i, n, ...)
  local v = x and (mtype(x) == 'integer' and x or tointeger(x))
  if v == nil then
    error('bad argument #' .. i .. " to '" .. fname .. "' (" .. (problem or 'number has no integer representation') .. ')', 3)
  end
  return v
end

-- The math functions of LUA_COMPAT_MATHLIB (5.2 compatibility).
m.pow = function(...)
  local n = select('#', ...)
  return checknumber('pow', 1, n, ...) ^ checknumber('pow', 2, n, ...)
end
m.atan2 = function(...)
  local n = select('#', ...)
  local y = checknumber('atan2', 1, n, ...)
  local x = select(2, ...) == nil and 1.0 or checknumber('atan2', 2, n, ...)
  return m.atan(y, x)
end
m.ldexp = function(...)
  local n = select('#', ...)
  return checknumber('ldexp', 1, n, ...) * 2.0 ^ checkinteger('ldexp', 2, n, ...)
end
m.frexp = function(...)
  local x = checknumber('frexp', 1, select('#', ...), ...) + 0.0
  if x == 0 or x ~= x or x == huge or x == -huge then return x, 0 end
  local e = floor(m.log(m.abs(x), 2)) + 1
  local f = x / 2.0 ^ e
  if m.abs(f) >= 1 then f, e = f / 2, e + 1 elseif m.abs(f) < 0.5 then f, e = f * 2, e - 1 end
  return f, e
end
m.cosh = function(...)
  local x = checknumber('cosh', 1, select('#', ...), ...)
  return (m.exp(x) + m.exp(-x)) / 2
end
m.sinh = function(...)
  local x = checknumber('sinh', 1, select('#', ...), ...)
  return (m.exp(x) - m.exp(-x)) / 2
end
m.tanh = function(...)
  local x = checknumber('tanh', 1, select('#', ...), ...)
  if x > 20 then return 1.0 elseif x < -20 then return -1.0 end
  local a, b = m.exp(x), m.exp(-x)
  return (a - b) / (a + b)
end
m.log10 = function(...)
  return m.log(checknumber('log10', 1, select('#', ...), ...), 10)
end

-- Strings in bitwise operators: 5.3 converts them like arithmetic does ("3" & 1 is 1); 5.4 only
-- has arithmetic metamethods on strings. A string that is not a number, or an operand with no
-- integer representation, fails with 5.3's messages; a non-number operand's own metamethod is
-- tried as 5.3 would.
local function integer(v)
  if type(v) == 'string' then v = tonumber(v) end
  if type(v) ~= 'number' then return nil, false end
  local i = mtype(v) == 'integer' and v or tointeger(v)
  return i, true
end

local function bitwise(event, op)
  return function(a, b)
    local x, xnum = integer(a)
    local y, ynum = integer(b)
    if x ~= nil and y ~= nil then return op(x, y) end
    local other = type(a) == 'string' and b or a
    local mt = getmetatable(other)
    local handler = type(mt) == 'table' and rawget(mt, event) or nil
    if handler ~= nil and type(other) ~= 'string' then return handler(a, b) end
    if xnum and ynum then error('number has no integer representation', 2) end
    local culprit = a
    if xnum then culprit = b end
    error('attempt to perform bitwise operation on a ' .. type(culprit) .. ' value', 2)
  end
end

local strings = getmetatable('')
strings.__band = bitwise('__band', function(x, y) return x & y end)
strings.__bor = bitwise('__bor', function(x, y) return x | y end)
strings.__bxor = bitwise('__bxor', function(x, y) return x ~ y end)
strings.__shl = bitwise('__shl', function(x, y) return x << y end)
strings.__shr = bitwise('__shr', function(x, y) return x >> y end)
strings.__bnot = bitwise('__bnot', function(x) return ~x end)

-- __ipairs (LUA_COMPAT_IPAIRS): ipairs(t) returns what t's __ipairs metamethod returns.
do
  local ipairs = ipairs
  _G.ipairs = function(...)
    if select('#', ...) == 0 then argError('ipairs', 1, 'value expected') end
    local t = ...
    local mt = getmetatable(t)
    local handler = type(mt) == 'table' and rawget(mt, '__ipairs') or nil
    if handler ~= nil then
      local f, s, i = handler(t)
      return f, s, i
    end
    return ipairs(t)
  end
end

-- 5.3 evaluates a <= b as not (b < a) when neither operand has __le; 5.4 built without
-- LUA_COMPAT_LT_LE does not. Metatables given to setmetatable with __lt and no __le get that rule.
do
  local setmetatable = setmetatable
  local function lessThan(a, b) return a < b end
  local function lessOrEqual(a, b)
    local ok, result = pcall(lessThan, b, a)
    if ok then return not result end
    if type(result) == 'string' and result:find('^%[nibble%-compat%]:%d+: ') then
      error((result:gsub('^%[nibble%-compat%]:%d+: ', '')), 2)
    end
    error(result, 0)
  end
  _G.setmetatable = function(...)
    local n = select('#', ...)
    local t, mt = ...
    if type(t) ~= 'table' then argError('setmetatable', 1, 'table expected, got ' .. (n < 1 and 'no value' or type(t))) end
    if n < 2 or (mt ~= nil and type(mt) ~= 'table') then argError('setmetatable', 2, 'nil or table expected') end
    if mt ~= nil and rawget(mt, '__lt') ~= nil and rawget(mt, '__le') == nil then rawset(mt, '__le', lessOrEqual) end
    local ok, message = pcall(setmetatable, t, mt)
    if not ok then error(message, 2) end
    return t
  end
end

-- 5.4's warn does not exist in 5.3.
warn = nil
`;
