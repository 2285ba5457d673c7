// The code's size as TIC-80 counts it: UTF-8 bytes, as the cart stores them.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { codeBytes, codeSizeWarning, TIC80_EDITOR_CODE_BYTES } from '../../runner/common/cart/index.js';

it('the code size is its UTF-8 bytes, as the cart writers store it', () => {
  for (const code of ['', 'print("hi")', 'é', '€', '😀', 'a\ud800b', '\udc00', 'x😀y\ud83d']) {
    assert.equal(codeBytes(code), new TextEncoder().encode(code).length, JSON.stringify(code));
  }
});

it('only code past 65,536 bytes gets a warning, naming the file and the size', () => {
  assert.equal(TIC80_EDITOR_CODE_BYTES, 65536);
  assert.equal(codeSizeWarning('-'.repeat(65536), 'a.tic'), undefined);
  assert.equal(codeSizeWarning('é'.repeat(32768), 'a.tic'), undefined);
  assert.match(codeSizeWarning('é'.repeat(32769), 'a.png') ?? '', /^a\.png: the code is 65,538 bytes, over the 65,536 that TIC-80's code editor takes\./);
});
