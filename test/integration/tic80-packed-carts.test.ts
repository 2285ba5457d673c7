// Packed .tic carts (CODE_ZIP without its zlib checksum, a DEFAULT chunk header cut to 1-3 bytes)
// run in Nibble as in TIC-80 itself, and the damage TIC-80 cannot run past is refused.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { cartSourceOf, CartFormatError, loadCart } from '../../runner/common/cart/index.js';
import { runHeadless } from '../../runner/node/headless-run.js';
import { runTic80, screenOfFrame, tic80Absent } from '../tic80-native.js';
import { PACKED_DEFAULT_BYTE, packedCart } from '../unit/cart-fixtures.js';

const FRAMES = 3;
// Bars in every palette colour: a cart without its DEFAULT chunk would get DB16 instead.
const CODE = 'function TIC()cls(0)for i=0,15 do rect(i*15,0,15,136,i)end print("PACKED "..(time()//1),40,60,12)end';

const skip = tic80Absent;

it('packed carts with 1, 2 and 3 trailing bytes draw in Nibble the frame TIC-80 draws', { skip }, async () => {
  for (const trailing of [[PACKED_DEFAULT_BYTE], [PACKED_DEFAULT_BYTE, 0], [PACKED_DEFAULT_BYTE, 0, 0]]) {
    const bytes = packedCart(CODE, trailing);
    const reference = runTic80(bytes, 'packed.tic', FRAMES);
    assert.equal(reference.status, 0, `TIC-80 ran the cart: ${reference.stderr}`);
    const { cart, repairs } = loadCart(bytes, 'packed.tic');
    assert.equal(repairs.length, 2);
    const result = await runHeadless(cartSourceOf(cart, 'packed.tic'), { frames: FRAMES, deterministic: true, hangMs: 1000 });
    assert.equal(result.status, 'ok', result.message);
    assert.ok(result.lastFrame, 'Nibble drew no frame');
    assert.ok(
      screenOfFrame(result.lastFrame).every((v, i) => v === reference.screen[i]),
      `${trailing.length} trailing byte(s): the screens differ`,
    );
  }
});

it('carts TIC-80 cannot run are refused: a zlib stream cut short, a bad zlib header', { skip }, () => {
  const stream = packedCart(CODE, [], 0).subarray(4);
  const codeZip = (data: Uint8Array, tail: number[]) => Uint8Array.of(16, data.length & 0xff, data.length >> 8, 0, ...data, ...tail);
  const refused = [
    codeZip(stream.subarray(0, stream.length >> 1), [PACKED_DEFAULT_BYTE]),
    codeZip(Uint8Array.of(0x78, 0x00, ...stream.subarray(2)), [PACKED_DEFAULT_BYTE]),
  ];
  for (const bytes of refused) {
    assert.equal(runTic80(bytes, 'bad.tic', 1).status, 2, 'TIC-80 stops with an error');
    assert.throws(() => loadCart(bytes, 'bad.tic'), CartFormatError);
  }
});
