// Conformance: ttri (sheet, map and vbank sources, chroma keys, depth), the deprecated textri, and
// paint, run as carts (reference §1.1). Textures are made with poke4 so every expected pixel can be
// read off the texture; pixels sample at their centre less FLT_EPSILON.
import { describe, it } from 'node:test';
import { art, box, expectError, expectOk, expectScreen, pixel, type Picture } from './expect.js';
import { Rig } from './rig.js';
import { tileCart as cart } from './tile-carts.js';

const rig = await Rig.load();

const pattern = (x: number, y: number) => ((x + 2 * y) % 15) + 1;
const PATTERN = 'tile(0, function(x, y) return (x + 2 * y) % 15 + 1 end)';

/** Lua: the two ttri calls covering the 8 x 8 square at (sx, sy) with texture square (u, v), plus extra arguments. */
function square(sx: number, sy: number, u: number, v: number, extra = '', fn = 'ttri'): string {
  const tail = extra ? `, ${extra}` : '';
  return [
    `${fn}(${sx},${sy}, ${sx + 8},${sy}, ${sx},${sy + 8}, ${u},${v}, ${u + 8},${v}, ${u},${v + 8}${tail})`,
    `${fn}(${sx + 8},${sy}, ${sx + 8},${sy + 8}, ${sx},${sy + 8}, ${u + 8},${v}, ${u + 8},${v + 8}, ${u},${v + 8}${tail})`,
  ].join(' ');
}

/** The 8 x 8 texture f shown at (sx, sy) on background bg. */
function shown(sx: number, sy: number, f: Picture, bg = 0): Picture {
  return (x, y) => (x >= sx && x < sx + 8 && y >= sy && y < sy + 8 ? f(x - sx, y - sy) : bg);
}

describe('ttri: sprite sheet source', () => {
  it('maps a texture square onto a screen square texel for texel', () => {
    expectScreen(rig.run(cart(PATTERN, square(16, 8, 0, 0))), 'ttri square from tile 0', shown(16, 8, pattern));
  });

  it('wraps u at 128 and v at 256', () => {
    expectScreen(rig.run(cart(PATTERN, square(16, 8, 128, 256))), 'ttri at u=128, v=256', shown(16, 8, pattern));
  });

  it('floors negative u and v before wrapping, as TIC-80 does (it does not truncate)', () => {
    // Pixel (0, 0) samples u = -127.5, which floors to -128 and wraps to 0: the picture is unshifted.
    expectScreen(rig.run(cart(PATTERN, square(16, 8, -128, -256))), 'ttri at u=-128, v=-256', shown(16, 8, pattern));
  });

  it('rows 128-255 are the other sheet: the sprites in the default segment', () => {
    const run = rig.run(cart(`${PATTERN} tile(256, solid(9))`, square(0, 0, 0, 128)));
    expectScreen(run, 'ttri at v=128', box(0, 0, 8, 8, 9));
  });

  it('starts at the sprites when the blit segment is 3 (fg first)', () => {
    const run = rig.run(cart(`${PATTERN} tile(256, solid(9)) poke4(0x3FFC*2, 3)`, square(0, 0, 0, 0)));
    expectScreen(run, 'ttri with segment 3', box(0, 0, 8, 8, 9));
  });

  it('in a 2 bpp segment the sheet is 256 wide, laid out as spr sees it', () => {
    const setup = 'for i = 0, 63 do poke(0x4000 + i, (i * 37) % 256) end poke4(0x3FFC*2, 4)';
    const viaSpr = rig.run(cart(setup, 'spr(0,0,0) spr(1,8,0) spr(32,0,8) spr(33,8,8)'));
    const viaTtri = rig.run(cart(setup, 'ttri(0,0, 16,0, 0,16, 0,0, 16,0, 0,16) ttri(16,0, 16,16, 0,16, 16,0, 16,16, 0,16)'));
    expectScreen(viaTtri, 'ttri with segment 4 (2 bpp)', (x, y) => pixel(viaSpr.ram, x, y));
  });

  it('in the font segment the sheet is the system font: glyph 65 is at (8, 32)', () => {
    const run = rig.run(cart('poke4(0x3FFC*2, 1)', square(0, 0, 8, 32)));
    expectScreen(run, 'ttri of glyph A with segment 1', art(0, 0, ['.111', '11..1', '11..1', '11111', '11..1']));
  });

  it('chroma keys (a number or a table) are raw texel values; the palette map applies after them', () => {
    const setup = 'tile(0, function(x) return x % 4 + 1 end) poke4(0x3FF0*2+3, 7)';
    const columns = [12, 12, 7, 4];
    const keyed = (x: number, y: number) => (x < 8 && y < 8 ? columns[x % 4] : 12);
    expectScreen(rig.run(cart(setup, `cls(12) ${square(0, 0, 0, 0, '0, {1, 2}')}`)), 'ttri with chroma {1,2}', keyed);
    const one = (x: number, y: number) => (x < 8 && y < 8 ? [12, 2, 7, 4][x % 4] : 12);
    expectScreen(rig.run(cart(setup, `cls(12) ${square(0, 0, 0, 0, '0, 1')}`)), 'ttri with chroma 1', one);
  });

  it('off screen it draws nothing', () => {
    expectScreen(rig.run(cart(PATTERN, `${square(-20, -20, 0, 0)} ${square(240, 0, 0, 0)}`)), 'ttri off screen', () => 0);
  });

  it('is clipped', () => {
    expectScreen(rig.run(cart(PATTERN, `clip(2,0,4,136) ${square(0, 0, 0, 0)}`)), 'ttri in clip(2,0,4,136)', (x, y) =>
      x >= 2 && x < 6 && y < 8 ? pattern(x, y) : 0,
    );
  });
});

describe('ttri: map and vbank sources', () => {
  const MAP = 'tile(1, solid(5)) tile(2, solid(9)) tile(3, solid(11)) mset(0,0,1) mset(1,0,2) mset(0,1,3)';

  it('texsrc 1 reads the map as a 1920 x 1088 image of its cells tiles', () => {
    const run = rig.run(cart(MAP, `${square(0, 0, 0, 0, '1')} ${square(8, 0, 8, 0, '1')}`));
    expectScreen(run, 'ttri from the map', (x, y) => (y < 8 ? (x < 8 ? 5 : x < 16 ? 9 : 0) : 0));
  });

  it('the map wraps', () => {
    expectScreen(rig.run(cart(MAP, square(0, 0, 1920, 1088, '1'))), 'ttri from the map at u=1920, v=1088', box(0, 0, 8, 8, 5));
  });

  it('u wraps below 0 to the end of the row', () => {
    // Pixel column 0 samples u = -1920.5, which floors to -1921 and wraps to 1919: cell 239, empty.
    const run = rig.run(cart(MAP, square(0, 0, -1921, 0, '1')));
    expectScreen(run, 'ttri from the map at u=-1921', (x, y) => (y < 8 && x > 0 && x < 8 ? 5 : 0));
  });

  it('a boolean texsrc selects the map (true) or the sheet (false)', () => {
    expectScreen(rig.run(cart(MAP, square(0, 0, 0, 0, 'true'))), 'ttri(..., true)', box(0, 0, 8, 8, 5));
    expectScreen(rig.run(cart(MAP, square(0, 0, 8, 0, 'false'))), 'ttri(..., false) at u=8 (tile 1)', box(0, 0, 8, 8, 5));
  });

  it('texsrc is read as an integer: "1" is the map, 1.5 is not an integer and means the sheet', () => {
    expectScreen(rig.run(cart(MAP, square(0, 0, 0, 0, '"1"'))), 'ttri(..., "1")', box(0, 0, 8, 8, 5));
    expectScreen(rig.run(cart(MAP, square(0, 0, 8, 0, '1.5'))), 'ttri(..., 1.5) at u=8 (tile 1)', box(0, 0, 8, 8, 5));
  });

  it('other texsrc values draw nothing', () => {
    expectScreen(rig.run(cart(MAP, `${square(0, 0, 0, 0, '3')} ${square(0, 0, 0, 0, '-1')}`)), 'ttri(..., 3) and (..., -1)', () => 0);
  });

  it('texsrc 2 reads the screen of the other VRAM bank, wrapping at 240 x 136', () => {
    const setup = 'vbank(1) cls(0) rect(0,0,8,8,6) pix(3,3,2) pix(239,135,4) vbank(0)';
    const run = rig.run(cart(setup, `cls(0) ${square(20, 0, 0, 0, '2')} ${square(40, 0, 240, 136, '2')} ${square(60, 0, -8, -8, '2')}`));
    const bank1 = (x: number, y: number) => (x === 3 && y === 3 ? 2 : 6);
    expectScreen(run, 'ttri from vbank 1', (x, y) => {
      if (y >= 8) return 0;
      if (x >= 20 && x < 28) return bank1(x - 20, y);
      if (x >= 40 && x < 48) return bank1(x - 40, y);
      // u, v from -7.5 to -0.5 floor to -8..-1: columns 232..239, rows 128..135.
      return x === 67 && y === 7 ? 4 : 0;
    });
  });
});

describe('ttri: depth', () => {
  // Tile 1 is colour 5 (u 8..15), tile 2 colour 9 (u 16..23).
  const SETUP = 'tile(1, solid(5)) tile(2, solid(9))';
  const near = (z = '1, 1, 1') => square(0, 0, 8, 0, `0, -1, ${z}`);
  const far = (z = '2, 2, 2') => square(0, 0, 16, 0, `0, -1, ${z}`);

  it('with 17 arguments a farther triangle does not cover a nearer one', () => {
    expectScreen(rig.run(cart(SETUP, `cls(0) ${near()} ${far()}`)), 'ttri near (z=1) then far (z=2)', box(0, 0, 8, 8, 5));
    expectScreen(rig.run(cart(SETUP, `cls(0) ${far()} ${near()}`)), 'ttri far then near', box(0, 0, 8, 8, 5));
  });

  it('without exactly 17 arguments, or with a z below FLT_EPSILON, there is no depth test', () => {
    const noDepth = `cls(0) ${square(0, 0, 8, 0, '0, -1, 1, 1')} ${square(0, 0, 16, 0, '0, -1, 2, 2')}`;
    expectScreen(rig.run(cart(SETUP, noDepth)), 'ttri with 16 arguments', box(0, 0, 8, 8, 9));
    expectScreen(rig.run(cart(SETUP, `cls(0) ${near()} ${far('2, 0, 2')}`)), 'ttri far with a z of 0', box(0, 0, 8, 8, 9));
  });

  it('cls clears the depth buffer; with a clip only inside the clip', () => {
    expectScreen(rig.run(cart(SETUP, `${near()} cls(0) ${far()}`)), 'ttri near, cls, far', box(0, 0, 8, 8, 9));
    const run = rig.run(cart(SETUP, `${near()} clip(0,0,4,136) cls(0) clip() ${far()}`));
    expectScreen(run, 'ttri near, cls in clip(0,0,4,136), far', (x, y) => (y < 8 && x < 8 ? (x < 4 ? 9 : 5) : 0));
  });

  it('the depth buffer survives to the next frame without cls', () => {
    const run = rig.run(cart(SETUP, `if time() == 0 then ${near()} else ${far()} end`), { frames: 2 });
    expectScreen(run, 'ttri near in frame 1, far in frame 2', box(0, 0, 8, 8, 5));
  });

  it('transparent texels do not write depth', () => {
    const nearKeyed = square(0, 0, 8, 0, '0, 5, 1, 1, 1');
    expectScreen(rig.run(cart(SETUP, `cls(0) ${nearKeyed} ${far()}`)), 'ttri near but keyed out, then far', box(0, 0, 8, 8, 9));
  });

  it('interpolates u/z, v/z and 1/z: perspective-correct texture columns', () => {
    // z = 1 at x = 0 and 2 at x = 8: column x samples u = 8s / (16 - s) at s = x + 0.5.
    const setup = 'tile(0, function(x) return x + 1 end)';
    const perspective = ['ttri(0,0, 8,0, 0,8, 0,0, 8,0, 0,8, 0, -1, 1, 2, 1)', 'ttri(8,0, 8,8, 0,8, 8,0, 8,8, 0,8, 0, -1, 2, 2, 1)'].join(' ');
    const columns = [1, 1, 2, 3, 4, 5, 6, 8];
    expectScreen(rig.run(cart(setup, perspective)), 'ttri with z 1..2 across', (x, y) => (x < 8 && y < 8 ? columns[x] : 0));
    const affine = perspective.replace(/, 0, -1, \d, \d, \d\)/g, ', 0, -1)');
    expectScreen(rig.run(cart(setup, affine)), 'the same ttri without z', (x, y) => (x < 8 && y < 8 ? x + 1 : 0));
  });
});

describe('ttri: arguments', () => {
  it('needs at least 12 arguments', () => {
    expectError(
      rig.tic('ttri(1,2,3,4,5,6,7,8,9,10,11)'),
      'ttri with 11 arguments',
      'cart.lua:2: invalid parameters, ttri(x1,y1,x2,y2,x3,y3,u1,v1,u2,v2,u3,v3,[src=0],[chroma=off],[z1=0],[z2=0],[z3=0])',
    );
  });
});

describe('textri (deprecated)', () => {
  it('maps a texture square onto a screen square texel for texel', () => {
    expectScreen(rig.run(cart(PATTERN, square(16, 8, 0, 0, '', 'textri'))), 'textri square from tile 0', shown(16, 8, pattern));
  });

  it('fills each row up to, not including, its right-most edge pixel', () => {
    const run = rig.run(cart(PATTERN, 'textri(0,0, 8,0, 0,8, 0,0, 8,0, 0,8)'));
    expectScreen(run, 'textri upper-left half', (x, y) => (y < 8 && x < 8 - y ? pattern(x, y) : 0));
  });

  it('a clip on the left moves u along the row', () => {
    const run = rig.run(cart(PATTERN, `clip(3,0,240,136) ${square(0, 0, 0, 0, '', 'textri')}`));
    expectScreen(run, 'textri in clip(3,0,...)', (x, y) => (x >= 3 && x < 8 && y < 8 ? pattern(x, y) : 0));
  });

  it('use_map reads the map; chroma keys apply', () => {
    const setup = 'tile(1, solid(5)) tile(2, function(x) return x % 2 == 0 and 9 or 3 end) mset(0,0,1) mset(1,0,2)';
    const run = rig.run(cart(setup, `cls(12) ${square(0, 0, 0, 0, 'true', 'textri')} ${square(8, 0, 8, 0, 'true, 3', 'textri')}`));
    expectScreen(run, 'textri from the map, chroma 3', (x, y) => (y < 8 && x < 8 ? 5 : y < 8 && x < 16 ? (x % 2 === 0 ? 9 : 12) : 12));
  });

  it('fewer than 12 arguments draw nothing and raise no error', () => {
    const run = rig.run(cart(PATTERN, 'textri(0,0,8,0,0,8,0,0,8,0,0)'));
    expectOk(run, 'textri with 11 arguments');
    expectScreen(run, 'textri with 11 arguments', () => 0);
  });
});

describe('paint', () => {
  const frame =
    (inside: number, outside: number): Picture =>
    (x, y) => {
      if (x >= 3 && x < 9 && y >= 3 && y < 7) return inside;
      if (x >= 2 && x < 10 && y >= 2 && y < 8) return 3;
      return outside;
    };

  it('fills the 4-connected area of the seed colour', () => {
    expectScreen(rig.tic('cls(0) rectb(2,2,8,6,3) paint(4,4,5)'), 'paint(4,4,5) inside rectb', frame(5, 0));
  });

  it('with a border colour fills everything reachable that is neither the border nor the new colour', () => {
    const run = rig.tic('cls(0) rectb(2,2,8,6,3) paint(4,4,5) pix(0,0,9) paint(1,0,7,3)');
    expectScreen(run, 'paint(1,0,7,3) around rectb', frame(5, 7));
  });

  it('does not leak through a diagonal line', () => {
    const run = rig.tic('cls(0) line(0,0,135,135,3) paint(10,0,5)');
    expectScreen(run, 'paint above a diagonal', (x, y) => (x === y ? 3 : x > y ? 5 : 0));
  });

  it('does nothing when the seed already has the colour or the border colour', () => {
    expectScreen(rig.tic('cls(0) rectb(2,2,8,6,3) paint(0,0,0) paint(2,2,5,3) paint(4,4,9,0)'), 'paint on the same colour', frame(0, 0));
  });

  it('is limited to the clip rectangle and palette-mapped; a seed off screen does nothing', () => {
    expectScreen(
      rig.tic('cls(0) poke4(0x3FF0*2+6, 2) clip(0,0,5,4) paint(1,1,6) clip() paint(-1,0,4) paint(0,136,4)'),
      'paint in clip(0,0,5,4)',
      box(0, 0, 5, 4, 2),
    );
  });

  it('takes 3 or 4 arguments', () => {
    expectError(rig.tic('paint(1,2)'), 'paint(1,2)', 'cart.lua:2: invalid parameters, paint(x y color [bordercolor])');
    expectError(rig.tic('paint(1,2,3,4,5)'), 'paint(1,2,3,4,5)', 'cart.lua:2: invalid parameters, paint(x y color [bordercolor])');
  });
});
