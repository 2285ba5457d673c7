// Signature help in the code editor: which API call, and which of its arguments, the cursor is in,
// given the Lua code before the cursor.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { blankStringsAndComments, findCallContext } from '../../renderer/lua-call-context.js';

describe('lua call context: findCallContext', () => {
  it('names the call and counts the arguments before the cursor', () => {
    assert.deepEqual(findCallContext('spr('), { name: 'spr', argIndex: 0 });
    assert.deepEqual(findCallContext('  spr(1, x, '), { name: 'spr', argIndex: 2 });
    assert.deepEqual(findCallContext('print ("hi",'), { name: 'print', argIndex: 1 });
  });

  it('is the innermost open call, skipping closed calls and tables in the arguments', () => {
    assert.deepEqual(findCallContext('rect(x, math.floor(y / 2), {1, 2, 3}, '), { name: 'rect', argIndex: 3 });
    assert.deepEqual(findCallContext('rect(x, circ(a, b'), { name: 'circ', argIndex: 1 });
    assert.deepEqual(findCallContext('spr(t[i], '), { name: 'spr', argIndex: 1 });
  });

  it('does not count commas and brackets inside strings and comments', () => {
    assert.deepEqual(findCallContext('print("a, b (c", '), { name: 'print', argIndex: 1 });
    assert.deepEqual(findCallContext(String.raw`print('it\'s, (', `), { name: 'print', argIndex: 1 });
    assert.deepEqual(findCallContext('print([[x, (y]], 1, '), { name: 'print', argIndex: 2 });
    assert.deepEqual(findCallContext('spr(1, -- a, (b\n  2, '), { name: 'spr', argIndex: 2 });
    assert.deepEqual(findCallContext('spr(1, --[==[ , ) ]==] 2, '), { name: 'spr', argIndex: 2 });
  });

  it('is null outside any call, after a closed call, inside a table or for a method call', () => {
    assert.equal(findCallContext('x = 1'), null);
    assert.equal(findCallContext('spr(1, 2)'), null);
    assert.equal(findCallContext('t = {1, '), null);
    assert.equal(findCallContext('obj:draw(1, '), null);
    assert.equal(findCallContext('math.floor('), null);
    assert.equal(findCallContext('x = (1 + '), null);
  });
});

describe('lua call context: blankStringsAndComments', () => {
  it('blanks strings and comments but keeps the length and the lines', () => {
    const code = "a = \"x(y\" -- c,d\nb = [==[\n]]\n]==] .. 'q\\'r'\nc = 1";
    const blanked = blankStringsAndComments(code);
    assert.equal(blanked.length, code.length);
    assert.deepEqual(
      blanked.split('\n').map((line) => line.trimEnd()),
      ['a =', 'b =', '', '     ..', 'c = 1'],
    );
  });

  it('ends an unclosed string at the end of its line', () => {
    assert.equal(blankStringsAndComments('x = "open\ny(1,'), 'x =      \ny(1,');
  });
});
