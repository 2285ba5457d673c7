// The sprite editor's sheet layout, checked against the runner: a pixel the editor paints on
// sprite (col, row) of a page must be the pixel spr() draws for the id the editor shows, in every
// bit depth, page and section.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { RAM_BYTES, SPRITES_ADDR, TILES_ADDR, TILES_BYTES } from '../../runner/common/memory-map.js';
import { SEGMENTS, TileRef, tilePixel } from '../../runner/vm/video/tilesheet.js';
import {
  colorCount,
  flagIndex,
  pageCount,
  readPixel,
  spriteId,
  writePixel,
  type Bpp,
  type SheetSection,
  type SheetView,
} from '../../renderer/editors/sprite/sheet-layout.js';

/** The bg-first, page-0 blit segment of each bit depth (reference 3.6). */
const SEGMENT_OF: Readonly<Record<Bpp, number>> = { 4: 2, 2: 4, 1: 8 };
const SECTIONS: readonly SheetSection[] = ['tiles', 'sprites'];

/** The section's bytes loaded into RAM where the cart puts them. */
function ramWith(section: SheetSection, bytes: Uint8Array): Uint8Array {
  const ram = new Uint8Array(RAM_BYTES);
  ram.set(bytes, section === 'tiles' ? TILES_ADDR : SPRITES_ADDR);
  return ram;
}

/** Pixel (x, y) of sprite `id` as spr() reads it under the segment. */
function sprPixel(ram: Uint8Array, segment: number, id: number, x: number, y: number): number {
  const tile = new TileRef();
  tile.locate(SEGMENTS[segment], id, false);
  return tilePixel(ram, SEGMENTS[segment], tile, x, y);
}

const setBits = (bytes: Uint8Array): number => bytes.reduce((n, b) => n + b.toString(2).replaceAll('0', '').length, 0);

describe('sheet layout: pages and colours per bit depth', () => {
  it('has 1, 2 or 4 pages of 16, 4 or 2 colours', () => {
    assert.deepEqual(
      ([4, 2, 1] as Bpp[]).map((bpp) => [pageCount(bpp), colorCount(bpp)]),
      [
        [1, 16],
        [2, 4],
        [4, 2],
      ],
    );
  });
});

describe('sheet layout: the editor paints the pixel spr() draws', () => {
  for (const bpp of [4, 2, 1] as Bpp[]) {
    for (const section of SECTIONS) {
      it(`${bpp} bpp ${section}: every page, sprites across the page, corner and inner pixels`, () => {
        const color = colorCount(bpp) - 1;
        for (let page = 0; page < pageCount(bpp); page++) {
          const view: SheetView = { section, bpp, page };
          for (const [col, row] of [
            [0, 0],
            [1, 0],
            [3, 2],
            [15, 15],
            [6, 9],
          ] as [number, number][]) {
            for (const [px, py] of [
              [0, 0],
              [7, 0],
              [3, 5],
              [7, 7],
            ] as [number, number][]) {
              const bytes = new Uint8Array(TILES_BYTES);
              writePixel(bytes, view, col * 8 + px, row * 8 + py, color);
              const where = `page ${page} sprite (${col}, ${row}) pixel (${px}, ${py})`;
              assert.equal(setBits(bytes), bpp === 4 ? 4 : bpp, `${where}: one pixel's bits are set`);
              assert.equal(readPixel(bytes, view, col * 8 + px, row * 8 + py), color, where);
              const id = spriteId(view, col, row);
              assert.equal(sprPixel(ramWith(section, bytes), SEGMENT_OF[bpp], id, px, py), color, `${where}: spr(${id}) draws it`);
            }
          }
        }
      });
    }
  }

  it('overwrites a pixel without touching its neighbours in the same byte', () => {
    const bytes = new Uint8Array(TILES_BYTES).fill(0xff);
    const view: SheetView = { section: 'tiles', bpp: 2, page: 1 };
    writePixel(bytes, view, 9, 4, 1);
    assert.equal(readPixel(bytes, view, 9, 4), 1);
    for (const [x, y] of [
      [8, 4],
      [10, 4],
      [9, 3],
      [9, 5],
    ])
      assert.equal(readPixel(bytes, view, x, y), 3, `pixel (${x}, ${y})`);
    assert.equal(setBits(bytes), TILES_BYTES * 8 - 1);
  });
});

describe('sheet layout: sprite ids and flags', () => {
  it('numbers 4 bpp tiles 0-255 and sprites 256-511, row by row, as spr() and fget() do', () => {
    assert.equal(spriteId({ section: 'tiles', bpp: 4, page: 0 }, 5, 2), 37);
    assert.equal(spriteId({ section: 'sprites', bpp: 4, page: 0 }, 0, 1), 272);
    assert.equal(flagIndex('tiles', 5, 2), 37);
    assert.equal(flagIndex('sprites', 0, 1), 272);
  });

  it('runs ids across both pages of a 2 bpp row, so page 1 starts at column 16', () => {
    assert.equal(spriteId({ section: 'tiles', bpp: 2, page: 1 }, 0, 0), 16);
    assert.equal(spriteId({ section: 'tiles', bpp: 2, page: 0 }, 0, 1), 32);
    assert.equal(spriteId({ section: 'sprites', bpp: 1, page: 3 }, 15, 15), 1024 + 15 * 64 + 48 + 15);
  });
});
