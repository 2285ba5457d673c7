// Conformance: carts written for TIC-80's Lua 5.3 (built with LUA_COMPAT_5_2, reference §10, §1.0)
// running on Lua 5.4. Each test is a cart using one compatibility feature, or behaviour that must
// stay as 5.3 has it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { traced } from './expect.js';
import { Rig } from './rig.js';

const rig = await Rig.load();

/**
 * What the cart traced for each expression (its results as value/type, or its error), each
 * evaluated with pcall; expression i is on cart line 11 + i.
 */
function evaluate(setup: string, exprs: string[]): string[] {
  const lines = exprs.map((e) => `show(function() return ${e} end)`).join('\n');
  const cart = `
local function show(f)
  local r = table.pack(pcall(f))
  if not r[1] then trace("error: " .. tostring(r[2])) return end
  local out = {}
  for i = 2, r.n do out[#out + 1] = tostring(r[i]) .. "/" .. (math.type(r[i]) or type(r[i])) end
  trace(table.concat(out, " "))
end
${setup}
function TIC()
${lines}
end`;
  return traced(rig.run(cart), exprs.join('; '));
}

describe('Lua 5.3: strings in bitwise operators', () => {
  it('convert to integers like arithmetic does', () => {
    assert.deepEqual(evaluate('', ['"3" & 1', '"6" | "1"', '"5" ~ 1', '"1" << "4"', '"256" >> 4', '~"0"', '"0x10" | 0', '"3.0" & 3', '" 7 " & 7', '1 | "2"']), [
      '1/integer',
      '7/integer',
      '4/integer',
      '16/integer',
      '16/integer',
      '-1/integer',
      '16/integer',
      '3/integer',
      '7/integer',
      '3/integer',
    ]);
  });

  it('fail as in 5.3 for non-numbers and numbers without an integer representation', () => {
    assert.deepEqual(evaluate('', ['"abc" & 1', '1 & "abc"', '"1.5" | 0', '"3" & nil']), [
      'error: cart.lua:11: attempt to perform bitwise operation on a string value',
      'error: cart.lua:12: attempt to perform bitwise operation on a string value',
      'error: cart.lua:13: number has no integer representation',
      'error: cart.lua:14: attempt to perform bitwise operation on a nil value',
    ]);
  });

  it('an operand with its own metamethod still gets it', () => {
    const setup = 'local mask = setmetatable({}, {__band = function(a, b) return "band" end})';
    assert.deepEqual(evaluate(setup, ['"3" & mask', 'mask & "3"']), ['band/string', 'band/string']);
  });
});

describe('Lua 5.3: numbers', () => {
  it('string.format %d takes floats with an integer value only', () => {
    assert.deepEqual(
      evaluate('', [
        'string.format("%d", 3.0)',
        'string.format("%d", "3")',
        'string.format("%5.1f", 3)',
        'string.format("%x", 255.0)',
        'string.format("%d", 3.5)',
      ]),
      ['3/string', '3/string', '  3.0/string', 'ff/string', "error: cart.lua:15: bad argument #2 to 'format' (number has no integer representation)"],
    );
  });

  it('integer and float results', () => {
    assert.deepEqual(
      evaluate('', [
        '7 // 2',
        '7.0 // 2',
        '3 / 1',
        '2^2',
        '"10" + 1',
        '"10" * "2.5"',
        'math.floor(3.7)',
        '10 // 0.0',
        'tostring(1e15)',
        'math.maxinteger + 1 == math.mininteger',
      ]),
      ['3/integer', '3.0/float', '3.0/float', '4.0/float', '11/integer', '25.0/float', '3/integer', 'inf/float', '1e+15/string', 'true/boolean'],
    );
  });

  it('for loops: an integer loop with a float limit stays integer; a float start or step makes floats', () => {
    const setup = `
local function loop(a, b, c)
  local out = {}
  for i = a, b, c or 1 do out[#out + 1] = tostring(i) .. ":" .. math.type(i) end
  return table.concat(out, ",")
end`;
    assert.deepEqual(evaluate(setup, ['loop(1, 3.5)', 'loop(1.0, 3)', 'loop(1, 2, 0.5)', 'loop(3, 1)', 'loop(3, 1, -1)']), [
      '1:integer,2:integer,3:integer/string',
      '1.0:float,2.0:float,3.0:float/string',
      '1.0:float,1.5:float,2.0:float/string',
      '/string',
      '3:integer,2:integer,1:integer/string',
    ]);
  });

  it('math.random(0) is an empty interval, as in 5.3; other intervals work as before', () => {
    // Errors name the line even of a tail call (return math.random(0)), as TIC-80's do.
    assert.deepEqual(
      evaluate('', ['math.random(0)', 'math.random(-3)', 'math.random(3, 3)', 'math.random(1.5)', 'math.random(1, 2, 3)', 'math.type(math.random())']),
      [
        "error: cart.lua:11: bad argument #1 to 'random' (interval is empty)",
        "error: cart.lua:12: bad argument #1 to 'random' (interval is empty)",
        '3/integer',
        "error: cart.lua:14: bad argument #1 to 'random' (number has no integer representation)",
        'error: cart.lua:15: wrong number of arguments',
        'float/string',
      ],
    );
  });

  it("math.random is Lua 5.3's over glibc random(), unseeded as TIC-80 starts: the numbers TIC-80 gives", () => {
    const run = rig.tic('trace(math.random(1, 100)) trace(math.random(1, 100)) trace(math.random()) math.randomseed(42) trace(math.random(1, 1000))');
    assert.deepEqual(traced(run, 'math.random'), ['85', '40', '0.78309922339395', '330']);
  });

  it('math.random(m) and (m, n) stay inside their intervals', () => {
    const run = rig.tic(
      'local ok = true for i = 1, 200 do local a, b = math.random(6), math.random(-2, 2) ok = ok and a >= 1 and a <= 6 and b >= -2 and b <= 2 end trace(ok)',
    );
    assert.deepEqual(traced(run, 'math.random ranges'), ['true']);
  });

  it('math.randomseed takes any number and truncates it: math.randomseed(time()) works', () => {
    const run = rig.tic(
      'math.randomseed(5.7) local a = math.random(1000000) math.randomseed(5) local b = math.random(1000000) math.randomseed(time() + 0.25) trace(a == b) trace(pcall(math.randomseed))',
    );
    assert.deepEqual(traced(run, 'math.randomseed'), ['true', 'false']);
  });
});

describe('Lua 5.2 compatibility (LUA_COMPAT_5_2)', () => {
  it('the math library has pow, atan2, ldexp, frexp, cosh, sinh, tanh, log10', () => {
    assert.deepEqual(
      evaluate('', [
        'math.pow(2, 10)',
        'math.atan2(1, 1) == math.atan(1, 1)',
        'math.ldexp(1, 10)',
        'math.frexp(8)',
        'math.cosh(0)',
        'math.sinh(0)',
        'math.tanh(0)',
        'math.log10(1000)',
        'math.pow(nil, 2)',
      ]),
      [
        '1024.0/float',
        'true/boolean',
        '1024.0/float',
        '0.5/float 4/integer',
        '1.0/float',
        '0.0/float',
        '0.0/float',
        '3.0/float',
        "error: bad argument #1 to 'pow' (number expected, got nil)",
      ],
    );
  });

  it('ipairs honours __ipairs', () => {
    const setup = 'local t = setmetatable({}, {__ipairs = function(t) return function(_, i) if i < 3 then return i + 1, (i + 1) * 10 end end, t, 0 end})';
    assert.deepEqual(evaluate(setup, ['(function() local s = 0 for _, v in ipairs(t) do s = s + v end return s end)()', 'select("#", ipairs({}))']), [
      '60/integer',
      '3/integer',
    ]);
  });

  it('a <= b falls back to not (b < a) when there is no __le', () => {
    const setup = 'local mt = {__lt = function(a, b) return a.v < b.v end} local one, two = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)';
    assert.deepEqual(evaluate(setup, ['one <= two', 'two <= one', 'one >= one', 'setmetatable({}, {}) <= setmetatable({}, {})']), [
      'true/boolean',
      'false/boolean',
      'true/boolean',
      'error: cart.lua:14: attempt to compare two table values',
    ]);
  });
});

describe('TIC-80 globals', () => {
  it('dofile and loadfile raise unknown method errors', () => {
    assert.deepEqual(evaluate('', ['dofile("x.lua")', 'loadfile("x.lua")']), [
      'error: cart.lua:11: unknown method: "dofile"',
      'error: cart.lua:12: unknown method: "loadfile"',
    ]);
  });

  it('only the libraries TIC-80 opens are there: no io, os, utf8, bit32, unpack or warn', () => {
    assert.deepEqual(
      evaluate('', ['type(io)', 'type(os)', 'type(utf8)', 'type(bit32)', 'type(unpack)', 'type(warn)', 'type(table.unpack)', 'type(string.pack)']),
      ['nil/string', 'nil/string', 'nil/string', 'nil/string', 'nil/string', 'nil/string', 'function/string', 'function/string'],
    );
  });
});
