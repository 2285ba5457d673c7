// Conformance: spr, map, mget, mset, fget, fset, print, font and vbank, run as carts (reference
// §1.1, §3.3, §3.6, quirk 1). Sprites are made with poke4; glyph pictures come from the system
// font data the reference points to (/work/shared/spec/font.hex, bit 0 = leftmost pixel).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { art, box, expectError, expectScreen, traced, type Picture } from './expect.js';
import { Rig } from './rig.js';
import { tileCart as cart } from './tile-carts.js';

const rig = await Rig.load();

/** Sprite 1: colour (x + 2y) mod 15 + 1 except a 0 at its top-left texel. */
const texel = (x: number, y: number) => (x === 0 && y === 0 ? 0 : ((x + 2 * y) % 15) + 1);
const SPRITE1 = 'tile(1, function(x, y) if x == 0 and y == 0 then return 0 end return (x + 2 * y) % 15 + 1 end)';

/** f (an 8 x 8 image) drawn at (sx, sy), each texel a scale x scale square; bg elsewhere. */
function placed(sx: number, sy: number, f: Picture, bg = 0, scale = 1): Picture {
  const size = 8 * scale;
  return (x, y) => (x >= sx && x < sx + size && y >= sy && y < sy + size ? f(Math.floor((x - sx) / scale), Math.floor((y - sy) / scale)) : bg);
}

describe('spr', () => {
  it('draws the sprite; without a colour key colour 0 is drawn too', () => {
    expectScreen(rig.run(cart(SPRITE1, 'cls(12) spr(1,10,20)')), 'spr(1,10,20)', placed(10, 20, texel, 12));
  });

  it('a colour key (number or table) leaves those raw colours out; the palette map applies to the rest', () => {
    const keyed = (x: number, y: number) => {
      const c = texel(x, y);
      return c === 0 || c === 2 ? 12 : c === 3 ? 9 : c;
    };
    expectScreen(rig.run(cart(`${SPRITE1} poke4(0x3FF0*2+3, 9)`, 'cls(12) spr(1,10,20,{0,2})')), 'spr(1,10,20,{0,2})', placed(10, 20, keyed, 12));
    const zeroKeyed = (x: number, y: number) => (x === 0 && y === 0 ? 12 : texel(x, y));
    expectScreen(rig.run(cart(SPRITE1, 'cls(12) spr(1,10,20,0)')), 'spr(1,10,20,0)', placed(10, 20, zeroKeyed, 12));
  });

  it('scale magnifies each texel', () => {
    expectScreen(rig.run(cart(SPRITE1, 'spr(1,10,20,-1,2)')), 'spr(1,10,20,-1,2)', placed(10, 20, texel, 0, 2));
  });

  it('flip: bit 0 horizontal, bit 1 vertical', () => {
    expectScreen(
      rig.run(cart(SPRITE1, 'spr(1,0,0,-1,1,1)')),
      'spr flip 1',
      placed(0, 0, (x, y) => texel(7 - x, y)),
    );
    expectScreen(
      rig.run(cart(SPRITE1, 'spr(1,0,0,-1,1,2)')),
      'spr flip 2',
      placed(0, 0, (x, y) => texel(x, 7 - y)),
    );
    expectScreen(
      rig.run(cart(SPRITE1, 'spr(1,0,0,-1,1,3)')),
      'spr flip 3',
      placed(0, 0, (x, y) => texel(7 - x, 7 - y)),
    );
  });

  it('rotate turns clockwise in 90 degree steps, then flip applies to the rotated image', () => {
    expectScreen(
      rig.run(cart(SPRITE1, 'spr(1,0,0,-1,1,0,1)')),
      'spr rotate 1',
      placed(0, 0, (x, y) => texel(y, 7 - x)),
    );
    expectScreen(
      rig.run(cart(SPRITE1, 'spr(1,0,0,-1,1,0,2)')),
      'spr rotate 2',
      placed(0, 0, (x, y) => texel(7 - x, 7 - y)),
    );
    expectScreen(
      rig.run(cart(SPRITE1, 'spr(1,0,0,-1,1,1,1)')),
      'spr rotate 1 flip 1',
      placed(0, 0, (x, y) => texel(y, x)),
    );
  });

  it('w x h composite sprites take tiles id + i + 16 j, flipped as one image; only with all 9 arguments', () => {
    const setup = 'tile(1, solid(1)) tile(2, solid(2)) tile(17, solid(3)) tile(18, solid(4))';
    const block = (x: number, y: number) =>
      x >= 16 || y >= 16
        ? 0
        : [
            [1, 2],
            [3, 4],
          ][y >> 3][x >> 3];
    expectScreen(rig.run(cart(setup, 'spr(1,0,0,-1,1,0,0,2,2)')), 'spr 2x2', block);
    expectScreen(rig.run(cart(setup, 'spr(1,0,0,-1,1,1,0,2,2)')), 'spr 2x2 flip 1', (x, y) => (x < 16 ? block(15 - x, y) : 0));
    expectScreen(rig.run(cart(setup, 'spr(1,0,0,-1,1,0,0,2)')), 'spr with 8 arguments', box(0, 0, 8, 8, 1));
  });

  it('ids 256-511 are the sprites sheet, ids wrap modulo 512, negative ids draw nothing', () => {
    const setup = 'tile(0, solid(5)) tile(256, solid(9))';
    expectScreen(rig.run(cart(setup, 'spr(256,0,0) spr(512,8,0) spr(-1,16,0)')), 'spr 256, 512, -1', (x, y) => (y < 8 ? (x < 8 ? 9 : x < 16 ? 5 : 0) : 0));
  });

  it('is clipped', () => {
    expectScreen(rig.run(cart(SPRITE1, 'clip(12,22,3,2) spr(1,10,20)')), 'spr in clip(12,22,3,2)', (x, y) =>
      x >= 12 && x < 15 && y >= 22 && y < 24 ? texel(x - 10, y - 20) : 0,
    );
    expectScreen(rig.run(cart(SPRITE1, 'spr(1,-4,-4)')), 'spr(1,-4,-4)', (x, y) => (x < 4 && y < 4 ? texel(x + 4, y + 4) : 0));
  });
});

describe('map', () => {
  const SETUP = 'tile(1, solid(5)) tile(2, solid(9)) tile(3, function(x) return x < 4 and 0 or 6 end)';

  it('draws 30 x 17 cells from (0, 0) by default', () => {
    const run = rig.run(cart(`${SETUP} mset(0,0,1) mset(29,16,2) mset(30,0,2)`, 'map()'));
    expectScreen(run, 'map()', (x, y) => (x < 8 && y < 8 ? 5 : x >= 232 && y >= 128 ? 9 : 0));
  });

  it('draws cells x..x+w-1, y..y+h-1 at (sx, sy); cells wrap around the map', () => {
    const run = rig.run(cart(`${SETUP} mset(239,0,1) mset(0,0,2)`, 'map(239,0,2,1,8,8)'));
    expectScreen(run, 'map(239,0,2,1,8,8)', (x, y) => (y >= 8 && y < 16 ? (x >= 8 && x < 16 ? 5 : x >= 16 && x < 24 ? 9 : 0) : 0));
  });

  it('colour key and scale', () => {
    const run = rig.run(cart(`${SETUP} mset(0,0,3)`, 'cls(12) map(0,0,1,1,0,0,0,2)'));
    expectScreen(run, 'map(0,0,1,1,0,0,0,2)', (x, y) => (x >= 8 && x < 16 && y < 16 ? 6 : 12));
  });

  it('remap(tile, x, y) returns tile, flip, rotate; missing results read as 0', () => {
    const setup = `${SETUP} mset(0,0,2) mset(1,0,2)`;
    const run = rig.run(cart(setup, 'map(0,0,2,1,0,0,-1,1,function(t, x, y) if x == 0 then return 3, 1, 0 end return 1 end)'));
    expectScreen(run, 'map with remap', (x, y) => (y < 8 ? (x < 4 ? 6 : x < 8 ? 0 : x < 16 ? 5 : 0) : 0));
  });

  it('cell tiles are local to the blit segment bank: the sprites with segment 3', () => {
    const run = rig.run(cart(`${SETUP} tile(257, solid(11)) mset(0,0,1) poke4(0x3FFC*2, 3)`, 'map(0,0,1,1)'));
    expectScreen(run, 'map with segment 3', box(0, 0, 8, 8, 11));
  });
});

describe('mget and mset', () => {
  it('mset writes the byte at 0x8000 + y*240 + x, mget reads it', () => {
    const run = rig.tic('mset(1,2,3) mset(239,135,256+7) trace(peek(0x8000+2*240+1)) trace(mget(1,2)) trace(mget(239,135))');
    assert.deepEqual(traced(run, 'mset/mget'), ['3', '3', '7']);
  });

  it('out-of-range cells: mget returns 0, mset does nothing', () => {
    const run = rig.tic('mset(240,0,9) mset(-1,0,9) mset(0,136,9) trace(mget(240,0)) trace(mget(-1,0)) trace(mget(0,-1)) trace(peek(0x8000+240))');
    assert.deepEqual(traced(run, 'mget/mset out of range'), ['0', '0', '0', '0']);
  });

  it("take exactly 2 and 3 arguments; mset's message names mget", () => {
    expectError(rig.tic('mget(1)'), 'mget(1)', 'cart.lua:2: invalid params, mget(x,y)');
    expectError(rig.tic('mset(1,2)'), 'mset(1,2)', 'cart.lua:2: invalid params, mget(x,y)');
  });
});

describe('fget and fset', () => {
  it('keep 8 flags per sprite at 0x14404 + sprite', () => {
    const run = rig.tic('fset(3,2,true) fset(511,7,true) fset(3,0,1) trace(peek(0x14404+3)) trace(peek(0x14404+511)) trace(fget(3,2)) trace(fget(3,1))');
    assert.deepEqual(traced(run, 'fset/fget'), ['5', '128', 'true', 'false']);
    const cleared = rig.tic('fset(3,2,true) fset(3,2,false) trace(peek(0x14404+3))');
    assert.deepEqual(traced(cleared, 'fset false'), ['0']);
  });

  it('ignore sprites and flags out of range; the flag is taken as a byte', () => {
    const run = rig.tic(
      'fset(512,0,true) fset(-1,0,true) fset(0,8,true) fset(0,257,true) trace(peek(0x14404)) trace(fget(512,0)) trace(fget(0,8)) trace(peek(0x14403))',
    );
    assert.deepEqual(traced(run, 'fset/fget out of range'), ['2', 'false', 'false', '0']);
  });

  it('need 2 and 3 arguments', () => {
    expectError(rig.tic('fget(1)'), 'fget(1)', 'cart.lua:2: invalid params, fget(sprite,flag)');
    expectError(rig.tic('fset(1,2)'), 'fset(1,2)', 'cart.lua:2: invalid params, fset(sprite,flag,value)');
  });
});

describe('print', () => {
  const A = ['.ccc.', 'cc..c', 'cc..c', 'ccccc', 'cc..c'];

  it('draws the trimmed glyphs of the system font and returns the width', () => {
    const run = rig.tic('trace(print("A", 10, 20, 12))');
    assert.deepEqual(traced(run, 'print("A",10,20,12)'), ['6']);
    expectScreen(run, 'print("A",10,20,12)', art(10, 20, A));
  });

  it('advances by trimmed width + 1, a space by width - 2; the widest line is returned', () => {
    const run = rig.tic('trace(print("AB")) trace(print("A B")) trace(print("A\\nAB")) trace(print("A\\0B"))');
    assert.deepEqual(traced(run, 'print widths'), ['12', '16', '12', '6']);
  });

  it('fixed keeps the whole 6-pixel cell', () => {
    const fixed = rig.tic('cls(0) trace(print("i", 0, 0, 15, true))');
    assert.deepEqual(traced(fixed, 'print("i",0,0,15,true)'), ['6']);
    expectScreen(fixed, 'print("i",0,0,15,true)', art(2, 0, ['ff', '..', 'ff', 'ff', 'ff']));
    const trimmed = rig.tic('cls(0) trace(print("i", 0, 0, 15))');
    assert.deepEqual(traced(trimmed, 'print("i",0,0,15)'), ['3']);
    expectScreen(trimmed, 'print("i",0,0,15)', art(0, 0, ['ff', '..', 'ff', 'ff', 'ff']));
  });

  it('scale and the small font', () => {
    const scaled = rig.tic('print("A", 0, 0, 12, false, 2)');
    expectScreen(scaled, 'print scale 2', (x, y) => art(0, 0, A)(x >> 1, y >> 1));
    const small = rig.tic('trace(print("A", 0, 0, 12, false, 1, true))');
    assert.deepEqual(traced(small, 'print small font'), ['4']);
    expectScreen(small, 'print small font', art(0, 0, ['.c.', 'c.c', 'ccc', 'c.c', 'c.c']));
  });

  it('a new line returns to x and moves down by the font height', () => {
    expectScreen(rig.tic('print("A\\nA", 3, 1, 12)'), 'print("A\\nA",3,1,12)', (x, y) => art(3, 1, A)(x, y) || art(3, 7, A)(x, y));
  });

  it('ignores the palette map (quirk 1); the colour is taken modulo 16; -1 makes glyphs empty', () => {
    expectScreen(rig.tic('poke4(0x3FF0*2+12, 3) print("A", 0, 0, 12)'), 'print with 12->3 mapped', art(0, 0, A));
    expectScreen(rig.tic('print("A", 0, 0, 16+12)'), 'print colour 28', art(0, 0, A));
    // Every texel is transparent, so the glyph trims to nothing and advances like a space.
    const invisible = rig.tic('trace(print("A", 0, 0, -1))');
    assert.deepEqual(traced(invisible, 'print colour -1'), ['4']);
    expectScreen(invisible, 'print colour -1', () => 0);
  });

  it('converts with tostring', () => {
    assert.deepEqual(traced(rig.tic('trace(print(12.5)) trace(print(nil)) trace(print(true))'), 'print conversions'), ['20', '14', '24']);
  });

  it('reads x and y only from 3 arguments on; scale 0 draws nothing and returns 0', () => {
    const run = rig.tic('trace(print("A", 50)) trace(print("A", 50, 50, 12, false, 0))');
    assert.deepEqual(traced(run, 'print("A",50)'), ['6', '0']);
    expectScreen(
      run,
      'print("A",50) in the default colour 15',
      art(
        0,
        0,
        A.map((r) => r.replace(/c/g, 'f')),
      ),
    );
  });

  it('without arguments returns nothing and raises no error', () => {
    assert.deepEqual(traced(rig.tic('trace(select("#", print()))'), 'print()'), ['0']);
  });
});

describe('font', () => {
  // Glyph 'A' (65) of the sprites sheet is sprite 256 + 65: a 3 x 4 block of colour 7.
  const GLYPH = 'tile(321, function(x, y) return (x < 3 and y < 4) and 7 or 0 end)';

  it('draws glyphs from the sheet opposite to the blit segment, key 0 by default', () => {
    const run = rig.run(cart(GLYPH, 'cls(12) trace(font("AA", 10, 10))'));
    assert.deepEqual(traced(run, 'font("AA",10,10)'), ['8']);
    expectScreen(run, 'font("AA",10,10)', (x, y) => (((x >= 10 && x < 13) || (x >= 14 && x < 17)) && y >= 10 && y < 14 ? 7 : 12));
  });

  it('with one argument draws at (0, 0)', () => {
    expectScreen(rig.run(cart(GLYPH, 'font("A")')), 'font("A")', box(0, 0, 3, 4, 7));
  });

  it('the chroma key, the palette map, char width and fixed', () => {
    // Key 7 instead of 0: the block is transparent and the 0 texels around it are drawn.
    const keyed = rig.run(cart(GLYPH, 'cls(12) trace(font("A", 0, 0, 7))'));
    assert.deepEqual(traced(keyed, 'font("A",0,0,7)'), ['9']);
    expectScreen(keyed, 'font("A",0,0,7)', (x, y) => (x < 8 && y < 8 && !(x < 3 && y < 4) ? 0 : 12));
    expectScreen(rig.run(cart(`${GLYPH} poke4(0x3FF0*2+7, 2)`, 'font("A")')), 'font with 7->2 mapped', box(0, 0, 3, 4, 2));
    const fixed = rig.run(cart(GLYPH, 'trace(font("AA", 0, 0, 0, 5, 8, true))'));
    assert.deepEqual(traced(fixed, 'font fixed width 5'), ['10']);
    expectScreen(fixed, 'font fixed width 5', (x, y) => ((x < 3 || (x >= 5 && x < 8)) && y < 4 ? 7 : 0));
  });

  it('with segment 3 (sprites first) it reads the tiles', () => {
    const run = rig.run(cart('tile(65, solid(4)) poke4(0x3FFC*2, 3)', 'font("A", 0, 0, 0, 8, 8, true)'));
    expectScreen(run, 'font with segment 3', box(0, 0, 8, 8, 4));
  });
});

describe('vbank', () => {
  it('returns the previous bank; other ids and other argument counts do not switch', () => {
    const run = rig.tic('trace(vbank()) trace(vbank(1)) trace(vbank()) trace(vbank(2)) trace(vbank(0, 1)) trace(vbank(0)) trace(vbank())');
    assert.deepEqual(traced(run, 'vbank'), ['0', '0', '1', '1', '1', '1', '0']);
  });

  it('swaps the whole 16 KB at 0x0000: drawing and pokes act on the selected bank', () => {
    const run = rig.tic('cls(4) poke(0x3FF8, 5) vbank(1) cls(0) rect(0,0,8,8,3) trace(peek(0x3FF8)) vbank(0) trace(peek(0x3FF8))');
    assert.deepEqual(traced(run, 'vbank swap'), ['0', '5']);
    expectScreen(run, 'bank 0 after drawing on bank 1', () => 4);
  });

  it('keeps its selection into the next frame', () => {
    const run = rig.run('n = 0 function TIC() n = n + 1 if n == 1 then vbank(1) else trace(vbank()) end end', { frames: 2 });
    assert.deepEqual(traced(run, 'vbank in frame 2'), ['1']);
  });
});
