// The sprite editor's selections: flip, rotate, copy and paste of a block of pixels on the sheet's
// bytes, pasting clipped to the edit canvas.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { TILES_BYTES } from '../../runner/common/memory-map.js';
import { PixelBlock, fillRect, readBlock, writeBlock } from '../../renderer/editors/sprite/pixel-block.js';
import { readPixel, writePixel, type SheetView } from '../../renderer/editors/sprite/sheet-layout.js';

const VIEW: SheetView = { section: 'sprites', bpp: 4, page: 0 };

/** A block from its rows. */
const blockOf = (rows: number[][]): PixelBlock => new PixelBlock(rows[0].length, rows.length, Uint8Array.from(rows.flat()));
const rowsOf = (block: PixelBlock): number[][] =>
  Array.from({ length: block.height }, (_, y) => Array.from({ length: block.width }, (_, x) => block.get(x, y)));
/** The sheet's pixels in a rectangle, one row per array. */
const sheetRows = (bytes: Uint8Array, x: number, y: number, w: number, h: number): number[][] =>
  Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => readPixel(bytes, VIEW, x + c, y + r)));

describe('pixel block: flip and rotate', () => {
  const block = blockOf([
    [1, 2, 3],
    [4, 5, 6],
  ]);

  it('flips left to right and top to bottom', () => {
    assert.deepEqual(rowsOf(block.flippedHorizontally()), [
      [3, 2, 1],
      [6, 5, 4],
    ]);
    assert.deepEqual(rowsOf(block.flippedVertically()), [
      [4, 5, 6],
      [1, 2, 3],
    ]);
  });

  it('turns a quarter clockwise, the left column becoming the top row, and back after four turns', () => {
    const turned = block.rotatedClockwise();
    assert.deepEqual([turned.width, turned.height], [2, 3]);
    assert.deepEqual(rowsOf(turned), [
      [4, 1],
      [5, 2],
      [6, 3],
    ]);
    assert.deepEqual(rowsOf(turned.rotatedClockwise().rotatedClockwise().rotatedClockwise()), rowsOf(block));
  });

  it('leaves the original block as it was', () => {
    block.flippedHorizontally();
    block.rotatedClockwise();
    assert.deepEqual(rowsOf(block), [
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });
});

describe('pixel block: copy and paste on the sheet', () => {
  it('copies a selection across sprite boundaries and pastes the same pixels elsewhere', () => {
    const bytes = new Uint8Array(TILES_BYTES);
    const colors = [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ];
    colors.forEach((row, y) => row.forEach((c, x) => writePixel(bytes, VIEW, 6 + x, 7 + y, c)));
    const copied = readBlock(bytes, VIEW, { x: 6, y: 7, w: 3, h: 3 });
    assert.deepEqual(rowsOf(copied), colors);
    writeBlock(bytes, VIEW, copied, 40, 50, { x: 0, y: 0, w: 128, h: 128 });
    assert.deepEqual(sheetRows(bytes, 40, 50, 3, 3), colors);
  });

  it('leaves out the parts of a paste outside the clip rectangle', () => {
    const bytes = new Uint8Array(TILES_BYTES);
    const block = blockOf([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    // The edit canvas shows sprite (1, 1): pixels 8..15 both ways; paste with its top-left at (14, 15).
    writeBlock(bytes, VIEW, block, 14, 15, { x: 8, y: 8, w: 8, h: 8 });
    assert.deepEqual(sheetRows(bytes, 13, 14, 5, 4), [
      [0, 0, 0, 0, 0],
      [0, 1, 2, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('fills a rectangle with one colour and nothing around it', () => {
    const bytes = new Uint8Array(TILES_BYTES);
    fillRect(bytes, VIEW, { x: 7, y: 7, w: 2, h: 3 }, 12);
    assert.deepEqual(sheetRows(bytes, 6, 6, 4, 5), [
      [0, 0, 0, 0],
      [0, 12, 12, 0],
      [0, 12, 12, 0],
      [0, 12, 12, 0],
      [0, 0, 0, 0],
    ]);
  });
});
