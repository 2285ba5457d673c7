// Conformance: cls, pix, line, rect, rectb, circ, circb, elli, ellib, tri, trib and clip, run as
// carts (reference §1.0, §1.1, quirk 12). Expected pictures are worked out by hand from the
// algorithms the reference names; circles and ellipses from its integer "rectangle ellipse" walk.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { art, box, expectError, expectScreen, traced, type Picture } from './expect.js';
import { Rig } from './rig.js';

const rig = await Rig.load();

/** Palette-map entry from -> to, in Lua. */
const mapColor = (from: number, to: number) => `poke4(0x3FF0*2+${from}, ${to})`;

describe('cls', () => {
  it('fills the screen with the colour, 0 by default, low 4 bits only', () => {
    expectScreen(rig.tic('cls(5)'), 'cls(5)', () => 5);
    expectScreen(rig.tic('cls(5) cls()'), 'cls()', () => 0);
    expectScreen(rig.tic('cls(3+16)'), 'cls(19)', () => 3);
    expectScreen(rig.tic('cls(-1)'), 'cls(-1)', () => 15);
  });

  it('reads the colour only when it is the sole argument', () => {
    expectScreen(rig.tic('cls(5) cls(7, 1)'), 'cls(7,1)', () => 0);
  });

  it('goes through the palette map', () => {
    expectScreen(rig.tic(`${mapColor(3, 9)} cls(3)`), 'cls(3) with 3->9', () => 9);
  });

  it('fills only the clip rectangle when one is set', () => {
    expectScreen(rig.tic('clip(10,20,3,2) cls(7)'), 'clip(10,20,3,2) cls(7)', box(10, 20, 13, 22, 7));
  });
});

describe('pix', () => {
  it('writes the mapped colour at the truncated coordinates', () => {
    const run = rig.tic(`pix(3.9, 2.9, 4) pix(-0.5, 0, 6) ${mapColor(2, 11)} pix(5, 5, 2)`);
    expectScreen(run, 'pix', (x, y) => (x === 3 && y === 2 ? 4 : x === 0 && y === 0 ? 6 : x === 5 && y === 5 ? 11 : 0));
  });

  it('draws nothing off screen or outside the clip', () => {
    const run = rig.tic('pix(240,0,1) pix(0,136,1) pix(-1,5,1) pix(1e10,0,1) clip(10,10,5,5) pix(9,10,1) pix(15,12,1) pix(14,14,2)');
    expectScreen(run, 'pix off screen / clip(10,10,5,5)', (x, y) => (x === 14 && y === 14 ? 2 : 0));
  });

  it('reads the raw value, ignoring the palette map and the clip; 0 off screen', () => {
    const run = rig.tic(
      `pix(7,7,6) ${mapColor(6, 1)} clip(0,0,1,1) trace(pix(7,7)) trace(pix(-1,0)) trace(pix(240,0)) trace(pix(0,136)) trace(math.type(pix(7,7)))`,
    );
    assert.deepEqual(traced(run, 'pix(x,y)'), ['6', '0', '0', '0', 'integer']);
  });

  it('needs at least 2 arguments', () => {
    expectError(rig.tic('pix(1)'), 'pix(1)', 'cart.lua:2: invalid parameters, pix(x y [color])');
  });
});

describe('line', () => {
  it('x-major: steps x from the left end, then plots the end point', () => {
    expectScreen(rig.tic('line(6,3,2,3,7)'), 'line(6,3,2,3,7)', art(2, 3, ['77777']));
    expectScreen(rig.tic('line(0,0,3,3,7)'), 'line(0,0,3,3,7)', art(0, 0, ['7...', '.7..', '..7.', '...7']));
  });

  it('y-major when |dx| < |dy|', () => {
    expectScreen(rig.tic('line(5,4,5,1,2)'), 'line(5,4,5,1,2)', art(5, 1, ['2', '2', '2', '2']));
  });

  it('truncates float positions along the way', () => {
    expectScreen(rig.tic('line(0.5,0.5,4.5,2.5,9)'), 'line(0.5,0.5,4.5,2.5,9)', art(0, 0, ['9....', '.99..', '...99']));
  });

  it('clips the start of the major axis to 0, moving the minor axis along', () => {
    expectScreen(rig.tic('line(-2,0,2,4,3)'), 'line(-2,0,2,4,3)', art(0, 2, ['3..', '.3.', '..3']));
  });

  it('a steep line past the bottom draws its visible part (quirk 12: far end clipped at 240)', () => {
    expectScreen(rig.tic('line(0,0,150,300,4)'), 'line(0,0,150,300,4)', (x, y) => (x === Math.trunc(y / 2) ? 4 : 0));
  });

  it('is palette-mapped and clipped', () => {
    expectScreen(rig.tic(`${mapColor(1, 12)} clip(3,0,2,10) line(0,1,9,1,1)`), 'line with clip(3,0,2,10)', art(3, 1, ['cc']));
  });

  it('takes exactly 5 arguments', () => {
    expectError(rig.tic('line(1,2,3,4)'), 'line(1,2,3,4)', 'cart.lua:2: invalid parameters, line(x0,y0,x1,y1,color)');
    expectError(rig.tic('line(1,2,3,4,5,6)'), 'line(1,2,3,4,5,6)', 'cart.lua:2: invalid parameters, line(x0,y0,x1,y1,color)');
  });
});

describe('rect and rectb', () => {
  it('rect fills [x, x+w) x [y, y+h)', () => {
    expectScreen(rig.tic('rect(2,3,4,2,6)'), 'rect(2,3,4,2,6)', box(2, 3, 6, 5, 6));
  });

  it('rect with negative size draws nothing; off-screen parts are clipped', () => {
    expectScreen(rig.tic('rect(5,5,-3,4,1) rect(5,5,4,-1,1) rect(1e10,0,5,5,1)'), 'rect with negative size', () => 0);
    expectScreen(rig.tic('rect(-5,-5,10,10,1)'), 'rect(-5,-5,10,10,1)', box(0, 0, 5, 5, 1));
    expectScreen(rig.tic('rect(235,130,100,100,2)'), 'rect(235,130,100,100,2)', box(235, 130, 240, 136, 2));
  });

  it('rect is palette-mapped and clipped', () => {
    expectScreen(rig.tic(`${mapColor(4, 8)} clip(3,3,2,2) rect(0,0,10,10,4)`), 'rect in clip(3,3,2,2)', box(3, 3, 5, 5, 8));
  });

  it('rectb draws the 1-pixel border', () => {
    expectScreen(rig.tic('rectb(2,2,5,4,3)'), 'rectb(2,2,5,4,3)', art(2, 2, ['33333', '3...3', '3...3', '33333']));
    expectScreen(rig.tic('rectb(9,9,1,1,3)'), 'rectb(9,9,1,1,3)', art(9, 9, ['3']));
  });

  it('rectb with width 0 still draws its side columns, at x and x - 1', () => {
    expectScreen(rig.tic('rectb(3,3,0,3,5)'), 'rectb(3,3,0,3,5)', art(2, 3, ['55', '55', '55']));
  });

  it('take exactly 5 arguments', () => {
    expectError(rig.tic('rect(1,2,3,4)'), 'rect(1,2,3,4)', 'cart.lua:2: invalid parameters, rect(x,y,w,h,color)');
    expectError(rig.tic('rectb(1,2,3,4,5,6)'), 'rectb(1,2,3,4,5,6)', 'cart.lua:2: invalid parameters, rectb(x,y,w,h,color)');
  });
});

describe('circ, circb, elli, ellib', () => {
  it('radius 0 is one pixel, radius 1 a plus sign (filled) or its 4 tips (outline)', () => {
    expectScreen(rig.tic('circ(10,10,0,5)'), 'circ(10,10,0,5)', art(10, 10, ['5']));
    expectScreen(rig.tic('circ(10,10,1,5)'), 'circ(10,10,1,5)', art(9, 9, ['.5.', '555', '.5.']));
    expectScreen(rig.tic('circb(10,10,1,5)'), 'circb(10,10,1,5)', art(9, 9, ['.5.', '5.5', '.5.']));
  });

  it('radius 3', () => {
    expectScreen(rig.tic('circ(10,10,3,5)'), 'circ(10,10,3,5)', art(7, 7, ['..555..', '.55555.', '5555555', '5555555', '5555555', '.55555.', '..555..']));
    expectScreen(rig.tic('circb(10,10,3,5)'), 'circb(10,10,3,5)', art(7, 7, ['..555..', '.5...5.', '5.....5', '5.....5', '5.....5', '.5...5.', '..555..']));
  });

  it('ellipses 4 x 2 and 1 x 3', () => {
    expectScreen(rig.tic('elli(20,20,4,2,5)'), 'elli(20,20,4,2,5)', art(16, 18, ['..55555..', '.5555555.', '555555555', '.5555555.', '..55555..']));
    expectScreen(rig.tic('ellib(20,20,4,2,5)'), 'ellib(20,20,4,2,5)', art(16, 18, ['..55555..', '.5.....5.', '5.......5', '.5.....5.', '..55555..']));
    expectScreen(rig.tic('ellib(20,20,1,3,5)'), 'ellib(20,20,1,3,5)', art(19, 17, ['.5.', '5.5', '5.5', '5.5', '5.5', '5.5', '.5.']));
  });

  it('a flat ellipse gets its tips finished', () => {
    expectScreen(rig.tic('ellib(20,20,5,1,5)'), 'ellib(20,20,5,1,5)', art(15, 19, ['..5555555..', '55.......55', '..5555555..']));
  });

  it('a negative radius draws nothing', () => {
    expectScreen(rig.tic('circ(10,10,-1,5) circb(10,10,-2,5) elli(10,10,-1,2,5) ellib(10,10,2,-1,5)'), 'negative radius', () => 0);
  });

  it('are clipped by the screen and the clip rectangle, and palette-mapped', () => {
    expectScreen(rig.tic('circ(0,0,1,5)'), 'circ(0,0,1,5)', art(0, 0, ['55', '5.']));
    expectScreen(
      rig.tic(`${mapColor(5, 14)} clip(10,0,240,136) circ(10,10,3,5)`),
      'circ in clip(10,0,...)',
      art(10, 7, ['ee', 'eee', 'eeee', 'eeee', 'eeee', 'eee', 'ee']),
    );
  });

  it('take exactly 4 (circles) or 5 (ellipses) arguments', () => {
    expectError(rig.tic('circ(1,2,3)'), 'circ(1,2,3)', 'cart.lua:2: invalid parameters, circ(x,y,radius,color)');
    expectError(rig.tic('circb(1,2,3,4,5)'), 'circb(1,2,3,4,5)', 'cart.lua:2: invalid parameters, circb(x,y,radius,color)');
    expectError(rig.tic('elli(1,2,3,4)'), 'elli(1,2,3,4)', 'cart.lua:2: invalid parameters, elli(x,y,a,b,color)');
    expectError(rig.tic('ellib(1,2,3,4)'), 'ellib(1,2,3,4)', 'cart.lua:2: invalid parameters, ellib(x,y,a,b,color)');
  });
});

describe('tri and trib', () => {
  // Pixel (x, y) is sampled at (x + 0.5 - FLT_EPSILON, y + 0.5 - FLT_EPSILON); edges are inclusive.
  const corner: Picture = art(0, 0, ['6666', '666.', '66..', '6...']);

  it('tri fills the pixels whose sample point lies inside or on an edge', () => {
    expectScreen(rig.tic('tri(0,0,4,0,0,4,6)'), 'tri(0,0,4,0,0,4,6)', corner);
  });

  it('tri does not depend on the vertex order', () => {
    expectScreen(rig.tic('tri(0,4,4,0,0,0,6)'), 'tri(0,4,4,0,0,0,6)', corner);
    expectScreen(rig.tic('tri(0,0,0,4,4,0,6)'), 'tri(0,0,0,4,4,0,6)', corner);
  });

  it('tri skips a triangle whose double area floors to 0', () => {
    expectScreen(rig.tic('tri(0,0,1,0,0,0.5,6)'), 'tri of area 0.25', () => 0);
  });

  it('tri is clipped and palette-mapped', () => {
    expectScreen(rig.tic(`${mapColor(6, 2)} clip(1,0,240,136) tri(0,0,4,0,0,4,6)`), 'tri in clip(1,0,...)', art(1, 0, ['222', '22', '2']));
    expectScreen(rig.tic('tri(-10,-10,500,-10,-10,400,3)'), 'tri covering the screen', () => 3);
  });

  it('trib draws three lines', () => {
    expectScreen(rig.tic('trib(0,0,4,0,0,4,1)'), 'trib(0,0,4,0,0,4,1)', art(0, 0, ['11111', '1..1', '1.1', '11', '1']));
  });

  it('take exactly 7 arguments', () => {
    expectError(rig.tic('tri(1,2,3,4,5,6)'), 'tri(1,2,3,4,5,6)', 'cart.lua:2: invalid parameters, tri(x1,y1,x2,y2,x3,y3,color)');
    expectError(rig.tic('trib(1,2,3,4,5,6,7,8)'), 'trib(...8 args)', 'cart.lua:2: invalid parameters, trib(x1,y1,x2,y2,x3,y3,color)');
  });
});

describe('clip', () => {
  it('limits drawing to [x, x+w) x [y, y+h), clamped to the screen', () => {
    expectScreen(rig.tic('clip(10,10,5,5) rect(0,0,240,136,3)'), 'clip(10,10,5,5)', box(10, 10, 15, 15, 3));
    expectScreen(rig.tic('clip(-5,-5,10,10) rect(0,0,240,136,3)'), 'clip(-5,-5,10,10)', box(0, 0, 5, 5, 3));
    expectScreen(rig.tic('clip(200,100,100,100) rect(0,0,240,136,3)'), 'clip(200,100,100,100)', box(200, 100, 240, 136, 3));
    expectScreen(rig.tic('clip(10,10,-5,5) rect(0,0,240,136,3)'), 'clip(10,10,-5,5)', () => 0);
  });

  it('clip() resets it to the whole screen', () => {
    expectScreen(rig.tic('clip(10,10,5,5) clip() rect(0,0,240,136,3)'), 'clip()', () => 3);
  });

  it('stays set across frames', () => {
    expectScreen(rig.run('clip(1,1,2,2) function TIC() cls(4) end'), 'clip from the top level', box(1, 1, 3, 3, 4));
  });

  it('takes 0 or 4 arguments', () => {
    expectError(rig.tic('clip(1,2,3)'), 'clip(1,2,3)', 'cart.lua:2: invalid parameters, use clip(x,y,w,h) or clip()');
  });
});
