// The sprite editor's fill tool on the sheet's bytes: the 4-connected area of one colour around
// the clicked pixel, kept inside the edit canvas.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { TILES_BYTES } from '../../runner/common/memory-map.js';
import { floodFill } from '../../renderer/editors/sprite/flood-fill.js';
import { readPixel, writePixel, type SheetView } from '../../renderer/editors/sprite/sheet-layout.js';

const VIEW: SheetView = { section: 'tiles', bpp: 4, page: 0 };
/** The edit canvas showing sprite (1, 1). */
const CANVAS = { x: 8, y: 8, w: 8, h: 8 };

/** Paints rows of colours with their top-left at (x, y). */
function paint(bytes: Uint8Array, x: number, y: number, rows: string[]): void {
  rows.forEach((row, r) => [...row].forEach((c, i) => writePixel(bytes, VIEW, x + i, y + r, parseInt(c, 16))));
}
function picture(bytes: Uint8Array, x: number, y: number, w: number, h: number): string[] {
  return Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => readPixel(bytes, VIEW, x + c, y + r).toString(16)).join(''));
}

describe('sprite flood fill', () => {
  it('fills the area connected through edges, not through corners', () => {
    const bytes = new Uint8Array(TILES_BYTES);
    paint(bytes, 8, 8, ['11111000', '10001000', '10001000', '11110000', '00000000', '00000000', '00000000', '00000000']);
    floodFill(bytes, VIEW, CANVAS, 10, 9, 7);
    assert.deepEqual(picture(bytes, 8, 8, 8, 8), ['11111000', '17771000', '17771000', '11110000', '00000000', '00000000', '00000000', '00000000']);
  });

  it('stops at the edit canvas, even where the colour goes on past it', () => {
    const bytes = new Uint8Array(TILES_BYTES);
    floodFill(bytes, VIEW, CANVAS, 12, 12, 5);
    assert.deepEqual(picture(bytes, 7, 7, 10, 1), ['0000000000']);
    assert.deepEqual(picture(bytes, 7, 8, 10, 1), ['0555555550']);
    assert.deepEqual(picture(bytes, 7, 16, 10, 1), ['0000000000']);
  });

  it('changes nothing when the area already has the colour', () => {
    const bytes = new Uint8Array(TILES_BYTES);
    floodFill(bytes, VIEW, CANVAS, 9, 9, 0);
    assert.ok(bytes.every((b) => b === 0));
  });
});
