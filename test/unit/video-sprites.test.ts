// spr and map (reference §1.1, §3.6): sheets and segments, colour keys, palette map, scale,
// flip/rotate (rotate first, then flip the rotated image), composite sprites, map wrap and remap.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { art, assertScreen, machine, mapColor, putSprite, px, type Pixels } from './video-fixture.js';

type Image = number[][];

// An asymmetric sprite: no two of its 8 orientations look alike.
const SPRITE_ROWS = ['12345678', '9abcdef1', '23456789', 'abcdef12', '3456789a', 'bcdef123', '456789ab', 'cdef1234'];

function imageOf(rows: string[]): Image {
  return rows.map((row) => [...row].map((ch) => parseInt(ch, 16)));
}

function rotateClockwise(img: Image): Image {
  const h = img.length;
  const w = img[0].length;
  return Array.from({ length: w }, (_, y) => Array.from({ length: h }, (_, x) => img[h - 1 - x][y]));
}

/** The expected picture, built independently: rotate clockwise `rotate` times, then flip. */
function orient(img: Image, flip: number, rotate: number): Image {
  let out = img;
  for (let i = 0; i < rotate; i++) out = rotateClockwise(out);
  if (flip & 1) out = out.map((row) => [...row].reverse());
  if (flip & 2) out = [...out].reverse();
  return out;
}

function pixelsOf(img: Image, x0: number, y0: number, scale = 1): Pixels {
  const out: Pixels = new Map();
  img.forEach((row, y) =>
    row.forEach((c, x) => {
      for (let sy = 0; sy < scale; sy++) for (let sx = 0; sx < scale; sx++) out.set(`${x0 + x * scale + sx},${y0 + y * scale + sy}`, c);
    }),
  );
  return out;
}

/** Four distinct sprites 1, 2, 17, 18 forming a 16 x 16 block, and its picture. */
function blockSetup(ram: Uint8Array): Image {
  const tiles = [1, 2, 17, 18].map((id, k) => {
    const rows = SPRITE_ROWS.map((row) => [...row].map((ch) => (((parseInt(ch, 16) + k * 4) % 15) + 1).toString(16)).join(''));
    putSprite(ram, id, rows);
    return imageOf(rows);
  });
  return Array.from({ length: 16 }, (_, y) => Array.from({ length: 16 }, (_, x) => tiles[(y >> 3) * 2 + (x >> 3)][y & 7][x & 7]));
}

describe('video: spr', () => {
  it('draws sprite 1 from the tiles sheet at (x, y)', () => {
    const { video, ram } = machine();
    putSprite(ram, 1, SPRITE_ROWS);
    video.spr(1, 10, 20, [], 1, 0, 0, 1, 1);
    assertScreen(ram, 'spr(1,10,20)', pixelsOf(imageOf(SPRITE_ROWS), 10, 20));
  });

  it('colour keys compare raw texels, before the palette map', () => {
    const { video, ram } = machine();
    putSprite(ram, 1, ['33335555', ...Array<string>(7).fill('00000000')]);
    mapColor(ram, 3, 5);
    video.cls(15);
    video.spr(1, 0, 0, [3], 1, 0, 0, 1, 1);
    assert.deepEqual(
      [0, 3, 4, 7].map((x) => px(ram, x, 0)),
      [15, 15, 5, 5],
      'spr key 3 with 3->5 mapped: raw 3 transparent',
    );
    video.spr(1, 0, 0, [5], 1, 0, 0, 1, 1);
    assert.deepEqual(
      [0, 3, 4, 7].map((x) => px(ram, x, 0)),
      [5, 5, 5, 5],
      'spr key 5 with 3->5 mapped: raw 3 drawn as 5',
    );
    video.cls(15);
    video.spr(1, 0, 0, [0, 3, 5], 1, 0, 0, 1, 1);
    assertScreen(ram, 'spr keys {0,3,5}', new Map(), 15);
  });

  it('the palette map applies to every texel', () => {
    const { video, ram } = machine();
    putSprite(ram, 1, Array<string>(8).fill('11111111'));
    mapColor(ram, 1, 9);
    video.spr(1, 0, 0, [], 1, 0, 0, 1, 1);
    assertScreen(ram, 'spr(1) with 1->9', pixelsOf(imageOf(Array<string>(8).fill('99999999')), 0, 0));
  });

  it('scale magnifies each texel', () => {
    const { video, ram } = machine();
    putSprite(ram, 1, SPRITE_ROWS);
    video.spr(1, 3, 4, [], 3, 0, 0, 1, 1);
    assertScreen(ram, 'spr(1,3,4,-1,3)', pixelsOf(imageOf(SPRITE_ROWS), 3, 4, 3));
  });

  it('scale 0 or below draws nothing', () => {
    const { video, ram } = machine();
    putSprite(ram, 1, SPRITE_ROWS);
    video.spr(1, 3, 4, [], 0, 0, 0, 1, 1);
    video.spr(1, 3, 4, [], -2, 0, 0, 2, 2);
    assertScreen(ram, 'spr scale 0 and -2', new Map());
  });

  for (let rotate = 0; rotate < 4; rotate++) {
    for (let flip = 0; flip < 4; flip++) {
      it(`flip ${flip} rotate ${rotate}: rotate first, then flip`, () => {
        const { video, ram } = machine();
        putSprite(ram, 1, SPRITE_ROWS);
        video.spr(1, 8, 8, [], 1, flip, rotate, 1, 1);
        assertScreen(ram, `spr(1,8,8,-1,1,${flip},${rotate})`, pixelsOf(orient(imageOf(SPRITE_ROWS), flip, rotate), 8, 8));
      });
    }
  }

  it('a composite sprite takes tile (i, j) = id + i + 16 j', () => {
    const { video, ram } = machine();
    const block = blockSetup(ram);
    video.spr(1, 0, 0, [], 1, 0, 0, 2, 2);
    assertScreen(ram, 'spr(1,0,0,-1,1,0,0,2,2)', pixelsOf(block, 0, 0));
  });

  it('a composite sprite is flipped and rotated as one image, also when scaled', () => {
    for (let rotate = 0; rotate < 4; rotate++) {
      for (let flip = 0; flip < 4; flip++) {
        const { video, ram } = machine();
        const block = blockSetup(ram);
        video.spr(1, 4, 6, [], 2, flip, rotate, 2, 2);
        assertScreen(ram, `spr(1,4,6,-1,2,${flip},${rotate},2,2)`, pixelsOf(orient(block, flip, rotate), 4, 6, 2));
      }
    }
  });

  it('a 2 x 1 block rotated by 90 degrees becomes 1 x 2', () => {
    const { video, ram } = machine();
    const block = blockSetup(ram).slice(0, 8);
    video.spr(1, 0, 0, [], 1, 0, 1, 2, 1);
    assertScreen(ram, 'spr(1,0,0,-1,1,0,1,2,1)', pixelsOf(orient(block, 0, 1), 0, 0));
  });

  it('a rotated non-square block is dropped when its unrotated size misses the clip', () => {
    const { video, ram } = machine();
    const block = blockSetup(ram).slice(0, 8);
    video.spr(1, 0, -9, [], 1, 0, 1, 2, 1);
    assertScreen(ram, 'spr(1,0,-9,-1,1,0,1,2,1)', new Map());
    video.spr(1, 0, -7, [], 1, 0, 1, 2, 1);
    const visible = new Map([...pixelsOf(orient(block, 0, 1), 0, -7)].filter(([key]) => Number(key.split(',')[1]) >= 0));
    assertScreen(ram, 'spr(1,0,-7,-1,1,0,1,2,1)', visible);
  });

  it('is clipped', () => {
    const { video, ram } = machine();
    putSprite(ram, 1, SPRITE_ROWS);
    video.clip(2, 3, 3, 2);
    video.spr(1, 0, 0, [], 1, 0, 0, 1, 1);
    assertScreen(ram, 'clip(2,3,3,2) spr(1,0,0)', art(2, 3, ['cde', '567']));
  });

  it('ids: negative draws nothing, 256-511 are the sprites sheet, 512 wraps to 0', () => {
    const { video, ram } = machine();
    putSprite(ram, 0, Array<string>(8).fill('11111111'));
    putSprite(ram, 0, Array<string>(8).fill('22222222'), 0x6000);
    video.spr(-1, 0, 0, [], 1, 0, 0, 1, 1);
    assertScreen(ram, 'spr(-1)', new Map());
    video.spr(256, 0, 0, [], 1, 0, 0, 1, 1);
    video.spr(512, 8, 0, [], 1, 0, 0, 1, 1);
    assert.equal(px(ram, 0, 0), 2, 'spr(256): sprites sheet');
    assert.equal(px(ram, 8, 0), 1, 'spr(512): wraps to tile 0');
  });

  it('segment 3 puts the sprites sheet first', () => {
    const { video, ram } = machine();
    putSprite(ram, 0, Array<string>(8).fill('11111111'));
    putSprite(ram, 0, Array<string>(8).fill('22222222'), 0x6000);
    ram[0x3ffc] = 3;
    video.spr(0, 0, 0, [], 1, 0, 0, 1, 1);
    video.spr(256, 8, 0, [], 1, 0, 0, 1, 1);
    assert.equal(px(ram, 0, 0), 2, 'segment 3 spr(0)');
    assert.equal(px(ram, 8, 0), 1, 'segment 3 spr(256)');
  });

  it('2 bpp: sprite 2k is the left half of a tile row, 2k+1 the right half; page 1 starts at sprite 16', () => {
    const { video, ram } = machine();
    ram[0x3ffc] = 4;
    ram[0x4000] = 0b11100100; // tile 0 row 0, pixels 0-3 = 0,1,2,3 (sprite 0)
    ram[0x4002] = 0b00011011; // pixels 8-11 = 3,2,1,0 (sprite 1)
    ram[0x4000 + 8 * 32 + 4] = 0b10; // tile 8 row 1 pixel 0 = 2 (page 1, sprite 16)
    video.spr(0, 0, 0, [], 1, 0, 0, 1, 1);
    video.spr(1, 10, 0, [], 1, 0, 0, 1, 1);
    video.spr(16, 20, 0, [], 1, 0, 0, 1, 1);
    assertScreen(ram, 'segment 4 spr(0), spr(1), spr(16)', art(0, 0, ['.123......321.........', '....................2.']));
  });

  it('2 bpp segment 5 starts on page 1; composites step 32 sprites per row', () => {
    const { video, ram } = machine();
    ram[0x3ffc] = 5;
    ram[0x4000 + 8 * 32] = 0b01; // tile 8 pixel 0 = 1: sprite 0 of page 1
    ram[0x4000 + 8 * 32 + 16 * 32] = 0b11; // tile 24 pixel 0 = 3: sprite 32 of page 1
    video.spr(0, 0, 0, [], 1, 0, 0, 1, 2);
    assert.equal(px(ram, 0, 0), 1, 'segment 5 spr(0)');
    assert.equal(px(ram, 0, 8), 3, 'segment 5 spr(0) second row: sprite 32');
  });

  it('1 bpp: four sprites per tile row; segment 12 reads the sprites sheet', () => {
    const { video, ram } = machine();
    ram[0x3ffc] = 8;
    ram[0x4003] = 0b101; // tile 0 row 0, pixels 24-26: sprite 3
    video.spr(3, 0, 0, [], 1, 0, 0, 1, 1);
    assertScreen(ram, 'segment 8 spr(3)', art(0, 0, ['1.1']));
    ram[0x3ffc] = 12;
    ram[0x6000 + 4] = 0b1; // sprites tile 0 row 1 pixel 0: sprite 0
    video.spr(0, 0, 0, [], 1, 0, 0, 1, 1);
    assertScreen(ram, 'segment 12 spr(0)', art(0, 0, ['...', '1']));
  });
});

describe('video: map', () => {
  function withTiles(ram: Uint8Array): void {
    putSprite(ram, 1, Array<string>(8).fill('11111111'));
    putSprite(ram, 2, SPRITE_ROWS);
  }

  it('draws cells x..x+w-1 at (sx, sy), 8 pixels per cell', () => {
    const { video, ram } = machine();
    withTiles(ram);
    ram[0x8000 + 240 * 3 + 4] = 1;
    ram[0x8000 + 240 * 3 + 5] = 2;
    video.map(4, 3, 2, 1, 5, 6, [], 1);
    assertScreen(ram, 'map(4,3,2,1,5,6)', new Map([...pixelsOf(imageOf(Array<string>(8).fill('11111111')), 5, 6), ...pixelsOf(imageOf(SPRITE_ROWS), 13, 6)]));
  });

  it('cell coordinates wrap modulo 240 and 136', () => {
    const { video, ram } = machine();
    withTiles(ram);
    ram[0x8000 + 240 * 135 + 239] = 1;
    ram[0x8000] = 2;
    video.map(-1, -1, 2, 2, 0, 0, [], 1);
    assertScreen(ram, 'map(-1,-1,2,2)', new Map([...pixelsOf(imageOf(Array<string>(8).fill('11111111')), 0, 0), ...pixelsOf(imageOf(SPRITE_ROWS), 8, 8)]));
  });

  it('tiles are local to the segment bank: segment 3 draws from the sprites sheet', () => {
    const { video, ram } = machine();
    putSprite(ram, 1, Array<string>(8).fill('33333333'), 0x6000);
    ram[0x3ffc] = 3;
    ram[0x8000] = 1;
    video.map(0, 0, 1, 1, 0, 0, [], 1);
    assert.equal(px(ram, 0, 0), 3, 'segment 3 map: tile 1 of the sprites sheet');
  });

  it('colour key, palette map and scale', () => {
    const { video, ram } = machine();
    withTiles(ram);
    ram[0x8000] = 2;
    mapColor(ram, 2, 0);
    video.map(0, 0, 1, 1, 0, 0, [1], 2);
    const img = orient(imageOf(SPRITE_ROWS), 0, 0).map((row) => row.map((c) => (c === 2 ? 0 : c)));
    const expected = new Map(
      [...pixelsOf(img, 0, 0, 2)].filter(([key]) => {
        const [x, y] = key.split(',').map(Number);
        return imageOf(SPRITE_ROWS)[y >> 1][x >> 1] !== 1;
      }),
    );
    assertScreen(ram, 'map(0,0,1,1,0,0,1,2) with 2->0', expected);
  });

  it('remap gets (tile, x, y) and its tile, flip and rotate are used', () => {
    const { video, ram } = machine();
    withTiles(ram);
    ram[0x8000 + 240 * 135 + 239] = 7;
    const calls: number[][] = [];
    video.map(239, 135, 1, 1, 0, 0, [], 1, (tile, x, y) => {
      calls.push([tile, x, y]);
      return [258, 1, 3];
    });
    assert.deepEqual(calls, [[7, 239, 135]]);
    assertScreen(ram, 'map with remap -> tile 258 (local 2), flip 1, rotate 3', pixelsOf(orient(imageOf(SPRITE_ROWS), 1, 3), 0, 0));
  });

  it('remap is called for every cell, visible or not, row by row', () => {
    const { video } = machine();
    const cells: string[] = [];
    video.map(0, 0, 60, 40, 0, 0, [], 1, (tile, x, y) => {
      cells.push(`${x},${y}`);
      return [tile, 0, 0];
    });
    assert.equal(cells.length, 2400);
    assert.deepEqual(cells.slice(0, 2), ['0,0', '1,0']);
    assert.equal(cells[60], '0,1');
  });
});
