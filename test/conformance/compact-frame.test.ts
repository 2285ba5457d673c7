// The compact frame the VM records (runner/common/compact-frame.ts) for carts whose BDR and SCN
// change palettes, border and offsets on some rows, with vbank 1 partly transparent and a callback
// poking VRAM in mid-frame: what it keeps (each row's registers only where they changed, vbank 1
// only on lines it shows on) and the pixels composed from it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompactFrame, LINE_BYTES } from '../../runner/common/compact-frame.js';
import { SWEETIE_16 } from '../../runner/common/default-palette.js';
import { FRAME_BYTES } from '../../runner/common/protocol.js';
import { Rig } from './rig.js';

const rig = await Rig.load();

/** Masks, vbank 0's 136 lines and row 0's record of every register: what every compact frame holds. */
const FIXED_BYTES = 18 + 17 + 136 * LINE_BYTES + 1 + 2 * (2 + 48) + 4;
/** A change record of one palette colour: which registers, which colours, the colour. */
const ONE_COLOUR = 1 + 2 + 3;
/** A change record of one single-byte register. */
const ONE_BYTE = 1 + 1;

/**
 * Vertical strips of colours 0..15, 15 pixels wide; vbank 1 (transparent colour 3) shows colour 9
 * on lines 50-59 only, but for a transparent hole. SCN changes colour 0's red from line 20 on, the X
 * offset for lines 30-34, and at line 40 fills VRAM rows 90 (not drawn yet) and 10 (drawn) with
 * colour 14; BDR makes the bottom border colour 2. TIC puts everything back each frame.
 */
const CART = `
function TIC()
  poke(0x3FC0, 0x1a)
  cls(1)
  for i = 0, 15 do rect(i * 15, 0, 15, 136, i) end
  vbank(1)
  poke(0x3FF8, 3)
  cls(3)
  rect(0, 50, 240, 10, 9)
  rect(100, 52, 20, 4, 3)
  vbank(0)
end
function BDR(row) poke(0x3FF8, row >= 140 and 2 or 0) end
function SCN(line)
  if line == 20 then poke(0x3FC0, 255) end
  if line == 30 then poke(0x3FF9, 5) end
  if line == 35 then poke(0x3FF9, 0) end
  if line == 40 then
    memset(90 * 120, 0xEE, 120)
    memset(10 * 120, 0xEE, 120)
  end
end
`;

function rgb(frame: Uint8Array, x: number, y: number): number[] {
  const i = (y * 256 + x) * 4;
  return [...frame.subarray(i, i + 4)];
}

const sweetie = (c: number) => [...SWEETIE_16.subarray(c * 3, c * 3 + 3), 255];
/** Frame pixel of screen pixel (x, y). */
const screen = (x: number, y: number): [number, number] => [x + 8, y + 4];

describe('compact frames', () => {
  it('keep registers only for the rows they changed on and vbank 1 only for lines it shows on', () => {
    const run = rig.run(CART, { frames: 2 });
    assert.equal(run.status, 'ok', run.error?.message);
    // vbank 1: lines 50-59. Changes: rows 24 (a palette colour), 34 and 39 (offset), 140 (border).
    assert.equal(run.compact.length, FIXED_BYTES + 10 * LINE_BYTES + ONE_COLOUR + 3 * ONE_BYTE);
    assert.ok(run.compact.length * 4 <= FRAME_BYTES, `${run.compact.length} bytes is over a quarter of an RGBA frame`);
    assert.ok(CompactFrame.parse(run.compact));
  });

  it('compose to the pixels the registers and VRAM showed on each row as it was drawn', () => {
    const { frame } = rig.run(CART, { frames: 2 });
    const red0 = [255, ...SWEETIE_16.subarray(1, 3), 255];
    assert.deepEqual(rgb(frame, ...screen(0, 10 - 1)), sweetie(0), 'colour 0 before line 20');
    assert.deepEqual(rgb(frame, ...screen(0, 45)), red0, 'colour 0 from line 20 on');
    assert.deepEqual(rgb(frame, ...screen(10, 32)), sweetie(1), 'X offset 5 on line 32: x 10 shows VRAM x 15');
    assert.deepEqual(rgb(frame, ...screen(10, 37)), red0, 'no offset from line 35');
    assert.deepEqual(rgb(frame, ...screen(0, 55)), sweetie(9), 'vbank 1 over vbank 0');
    assert.deepEqual(rgb(frame, ...screen(105, 53)), sweetie(7), 'vbank 0 through the transparent hole');
    assert.deepEqual(rgb(frame, ...screen(200, 90)), sweetie(14), 'VRAM row 90, poked at line 40, drawn after');
    assert.deepEqual(rgb(frame, ...screen(200, 10)), sweetie(13), 'VRAM row 10, poked at line 40, drawn before');
    assert.deepEqual(rgb(frame, 0, 2), sweetie(0), 'top border');
    assert.deepEqual(rgb(frame, 0, 141), sweetie(2), 'bottom border from BDR');
  });

  it('of a cart without callbacks hold one register record and no vbank 1 line', () => {
    const run = rig.tic('cls(4) print("HELLO", 10, 10, 12)');
    assert.equal(run.compact.length, FIXED_BYTES);
    assert.deepEqual(rgb(run.frame, ...screen(0, 0)), sweetie(4));
  });

  it('show vbank 1 from the frame a cart draws on it after frames of it all transparent, until it is clear again', () => {
    const code = `
t = 0
function TIC()
  t = t + 1
  cls(4)
  if t == 3 then vbank(1) pix(10, 10, 9) vbank(0) end
  if t == 5 then vbank(1) cls(0) vbank(0) end
end`;
    const shown: boolean[] = [];
    rig.run(code, { frames: 6, onFrame: (_, pixels) => shown.push(rgb(pixels, ...screen(10, 10)).join() === sweetie(9).join()) });
    assert.deepEqual(shown, [false, false, true, true, false, false]);
  });

  it('are refused when their masks and length disagree', () => {
    const { compact } = rig.run(CART, { frames: 1 });
    assert.ok(CompactFrame.parse(compact));
    assert.equal(CompactFrame.parse(compact.subarray(0, compact.length - 1)), null, 'one byte short');
    const noRowZero = compact.slice();
    noRowZero[0] &= 0xfe;
    assert.equal(CompactFrame.parse(noRowZero), null, 'no registers for row 0');
    const extraLine = compact.slice();
    extraLine[18] ^= 1;
    assert.equal(CompactFrame.parse(extraLine), null, 'a vbank 1 line the bytes do not hold');
    const unknownRegister = compact.slice();
    unknownRegister[compact.length - ONE_BYTE] |= 0x40;
    assert.equal(CompactFrame.parse(unknownRegister), null, 'a change of a register there is not');
  });
});
