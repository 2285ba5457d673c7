// cls, pix, line, rect, rectb, circ, circb, elli, ellib, tri, trib and clip against the
// reference (§1.1, quirk 12). Expected shapes are worked out by hand from the algorithms named
// there.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { art, assertScreen, H, machine, mapColor, pixelSet, px, W, type Pixels } from './video-fixture.js';

function fullScreen(color: number): Pixels {
  const all: Pixels = new Map();
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) all.set(`${x},${y}`, color);
  return all;
}

describe('video: cls and pix', () => {
  it('cls fills the whole screen area and leaves the VRAM registers alone', () => {
    const { video, ram } = machine();
    video.cls(5);
    assertScreen(ram, 'cls(5)', fullScreen(5));
    assert.equal(ram[16319], 0x55);
    assert.equal(ram[0x3fc0], 0x1a, 'cls(5): palette byte 0x3FC0 untouched');
  });

  it('cls goes through the palette map and clears the depth buffer', () => {
    const { video, ram } = machine();
    mapColor(ram, 3, 9);
    video.depth.fill(0.5);
    video.cls(3);
    assertScreen(ram, 'cls(3) with 3->9 mapped', fullScreen(9));
    assert.equal(
      video.depth.every((d) => d === 0),
      true,
      'cls(3): depth buffer cleared',
    );
  });

  it('cls with a clip rectangle fills and clears depth only inside it', () => {
    const { video, ram } = machine();
    video.depth.fill(0.5);
    video.clip(10, 20, 3, 2);
    video.cls(7);
    assertScreen(ram, 'clip(10,20,3,2) cls(7)', art(10, 20, ['777', '777']));
    assert.equal(video.depth[20 * W + 10], 0, 'cls: depth at (10,20) cleared');
    assert.equal(video.depth[20 * W + 13], 0.5, 'cls: depth at (13,20) kept');
  });

  it('pix writes the mapped colour, even x in the low nibble', () => {
    const { video, ram } = machine();
    video.pix(0, 0, 3);
    video.pix(1, 0, 12);
    video.pix(239, 135, 15 + 16);
    assert.equal(ram[0], 0xc3);
    assert.equal(ram[16319] >> 4, 15, 'pix(239,135,31): colour taken & 15');
    mapColor(ram, 4, 2);
    video.pix(5, 5, 4);
    assert.equal(px(ram, 5, 5), 2, 'pix(5,5,4) with 4->2 mapped');
  });

  it('pix read returns the raw value, ignores the clip and is 0 off screen', () => {
    const { video, ram } = machine();
    video.pix(7, 7, 6);
    mapColor(ram, 6, 1);
    video.clip(0, 0, 1, 1);
    assert.equal(video.getPix(7, 7), 6);
    assert.equal(video.getPix(-1, 0), 0);
    assert.equal(video.getPix(240, 0), 0);
    assert.equal(video.getPix(0, 136), 0);
  });

  it('pix outside the clip rectangle or the screen draws nothing', () => {
    const { video, ram } = machine();
    video.clip(10, 10, 5, 5);
    video.pix(9, 10, 1);
    video.pix(15, 10, 1);
    video.pix(10, 9, 1);
    video.pix(10, 15, 1);
    video.pix(-1, -1, 1);
    video.pix(14, 14, 1);
    assertScreen(ram, 'pix around clip(10,10,5,5)', pixelSet([[14, 14, 1]]));
  });
});

describe('video: line', () => {
  it('x-major: steps x, truncates y, plots the end point', () => {
    const { video, ram } = machine();
    video.line(0, 0, 5, 2, 1);
    assertScreen(
      ram,
      'line(0,0,5,2)',
      pixelSet([
        [0, 0, 1],
        [1, 0, 1],
        [2, 0, 1],
        [3, 1, 1],
        [4, 1, 1],
        [5, 2, 1],
      ]),
    );
  });

  it('endpoints are ordered: the reversed line draws the same pixels', () => {
    const { video, ram } = machine();
    video.line(5, 2, 0, 0, 1);
    assertScreen(
      ram,
      'line(5,2,0,0)',
      pixelSet([
        [0, 0, 1],
        [1, 0, 1],
        [2, 0, 1],
        [3, 1, 1],
        [4, 1, 1],
        [5, 2, 1],
      ]),
    );
  });

  it('y-major when |dx| < |dy|', () => {
    const { video, ram } = machine();
    video.line(0, 0, 2, 5, 2);
    assertScreen(
      ram,
      'line(0,0,2,5)',
      pixelSet([
        [0, 0, 2],
        [0, 1, 2],
        [0, 2, 2],
        [1, 3, 2],
        [1, 4, 2],
        [2, 5, 2],
      ]),
    );
  });

  it('a single point draws one pixel; fractions truncate', () => {
    const { video, ram } = machine();
    video.line(3, 3, 3, 3, 4);
    video.line(10.5, 20.9, 13.7, 20.2, 5);
    assertScreen(
      ram,
      'line(3,3,3,3) + line(10.5,20.9,13.7,20.2)',
      pixelSet([
        [3, 3, 4],
        [10, 20, 5],
        [11, 20, 5],
        [12, 20, 5],
        [13, 20, 5],
      ]),
    );
  });

  it('the start is clipped to 0 along the major axis, keeping the slope', () => {
    const { video, ram } = machine();
    video.line(-2, 0, 3, 5, 1);
    assertScreen(
      ram,
      'line(-2,0,3,5)',
      pixelSet([
        [0, 2, 1],
        [1, 3, 1],
        [2, 4, 1],
        [3, 5, 1],
      ]),
    );
  });

  it('the far end is clipped at 240 and that end point is then off screen', () => {
    const { video, ram } = machine();
    video.line(230, 0, 250, 20, 1);
    const expected = pixelSet(Array.from({ length: 10 }, (_, i): [number, number, number] => [230 + i, i, 1]));
    assertScreen(ram, 'line(230,0,250,20)', expected);
  });

  it('quirk 12: a y-major line is cut at 240 too, drawing the column down to the screen bottom', () => {
    const { video, ram } = machine();
    video.line(5, 0, 5, 1e9, 3);
    const expected = pixelSet(Array.from({ length: H }, (_, y): [number, number, number] => [5, y, 3]));
    assertScreen(ram, 'line(5,0,5,1e9)', expected);
  });

  it('uses the palette map and the clip rectangle', () => {
    const { video, ram } = machine();
    mapColor(ram, 1, 9);
    video.clip(2, 0, 2, 10);
    video.line(0, 0, 5, 0, 1);
    assertScreen(
      ram,
      'clip(2,0,2,10) line(0,0,5,0,1) 1->9',
      pixelSet([
        [2, 0, 9],
        [3, 0, 9],
      ]),
    );
  });
});

describe('video: rect and rectb', () => {
  it('rect fills w x h', () => {
    const { video, ram } = machine();
    video.rect(1, 2, 3, 2, 4);
    assertScreen(ram, 'rect(1,2,3,2)', art(1, 2, ['444', '444']));
  });

  it('rect with w or h <= 0 draws nothing; partly off-screen rects are clipped', () => {
    const { video, ram } = machine();
    video.rect(5, 5, 0, 4, 1);
    video.rect(5, 5, 4, -1, 1);
    video.rect(-2, -1, 4, 3, 2);
    video.rect(238, 134, 10, 10, 3);
    assertScreen(ram, 'rect edge cases', new Map([...art(0, 0, ['22', '22']), ...art(238, 134, ['33', '33'])]));
  });

  it('rect uses the palette map and the clip rectangle', () => {
    const { video, ram } = machine();
    mapColor(ram, 2, 11);
    video.clip(1, 1, 2, 2);
    video.rect(0, 0, 10, 10, 2);
    assertScreen(ram, 'clip(1,1,2,2) rect(0,0,10,10,2) 2->11', art(1, 1, ['bb', 'bb']));
  });

  it('rectb draws the 1-pixel border', () => {
    const { video, ram } = machine();
    video.rectb(2, 3, 4, 3, 6);
    assertScreen(ram, 'rectb(2,3,4,3)', art(2, 3, ['6666', '6..6', '6666']));
  });

  it('rectb with h = 0 still draws rows y and y - 1; with w = 0 columns x and x - 1', () => {
    const { video, ram } = machine();
    video.rectb(10, 10, 3, 0, 1);
    video.rectb(20, 20, 0, 2, 2);
    assertScreen(ram, 'rectb(10,10,3,0) + rectb(20,20,0,2)', new Map([...art(10, 9, ['111', '111']), ...art(19, 20, ['22', '22'])]));
  });

  it('rectb uses the palette map and is clipped', () => {
    const { video, ram } = machine();
    mapColor(ram, 1, 5);
    video.clip(0, 0, 3, 10);
    video.rectb(1, 1, 4, 3, 1);
    assertScreen(ram, 'clip(0,0,3,10) rectb(1,1,4,3,1) 1->5', art(1, 1, ['55', '5.', '55']));
  });
});

describe('video: circles and ellipses', () => {
  it('circ and circb with radius 0 draw one pixel', () => {
    const { video, ram } = machine();
    video.circ(5, 5, 0, 1);
    video.circb(9, 9, 0, 2);
    assertScreen(
      ram,
      'circ(5,5,0) + circb(9,9,0)',
      pixelSet([
        [5, 5, 1],
        [9, 9, 2],
      ]),
    );
  });

  it('circb radius 1 is a diamond without centre; circ fills it', () => {
    const { video, ram } = machine();
    video.circb(10, 10, 1, 3);
    video.circ(20, 10, 1, 4);
    assertScreen(ram, 'circb(10,10,1) + circ(20,10,1)', new Map([...art(9, 9, ['.3.', '3.3', '.3.']), ...art(19, 9, ['.4.', '444', '.4.'])]));
  });

  it('circb and circ radius 2', () => {
    const { video, ram } = machine();
    video.circb(10, 10, 2, 5);
    video.circ(30, 10, 2, 6);
    const expected = new Map([...art(8, 8, ['.555.', '5...5', '5...5', '5...5', '.555.']), ...art(28, 8, ['.666.', '66666', '66666', '66666', '.666.'])]);
    assertScreen(ram, 'circb(10,10,2) + circ(30,10,2)', expected);
  });

  it('circb and circ radius 4: an x step also follows a y step that leaves 2 err > dy', () => {
    const { video, ram } = machine();
    video.circb(10, 10, 4, 1);
    video.circ(30, 10, 4, 2);
    const expected = new Map([
      ...art(6, 6, ['...111...', '..1...1..', '.1.....1.', '1.......1', '1.......1', '1.......1', '.1.....1.', '..1...1..', '...111...']),
      ...art(26, 6, ['...222...', '..22222..', '.2222222.', '222222222', '222222222', '222222222', '.2222222.', '..22222..', '...222...']),
    ]);
    assertScreen(ram, 'circb(10,10,4) + circ(30,10,4)', expected);
  });

  it('a negative radius draws nothing', () => {
    const { video, ram } = machine();
    video.circ(10, 10, -1, 1);
    video.circb(10, 10, -3, 1);
    video.elli(10, 10, 2, -1, 1);
    assertScreen(ram, 'negative radii', new Map());
  });

  it('ellib(a=2, b=1) and elli fill', () => {
    const { video, ram } = machine();
    video.ellib(10, 10, 2, 1, 7);
    video.elli(30, 10, 2, 1, 8);
    assertScreen(ram, 'ellib(10,10,2,1) + elli(30,10,2,1)', new Map([...art(8, 9, ['.777.', '7...7', '.777.']), ...art(28, 9, ['.888.', '88888', '.888.'])]));
  });

  it('flat ellipses: b = 0 is a full row; a = 0 stops one pixel short of the tips', () => {
    const { video, ram } = machine();
    video.ellib(10, 10, 3, 0, 1);
    video.ellib(30, 10, 0, 2, 2);
    assertScreen(ram, 'ellib(10,10,3,0) + ellib(30,10,0,2)', new Map([...art(7, 10, ['1111111']), ...art(30, 9, ['2', '2', '2'])]));
  });

  it('palette map and clip apply to all four', () => {
    const { video, ram } = machine();
    mapColor(ram, 1, 12);
    video.clip(0, 0, 240, 10);
    video.circ(5, 10, 1, 1);
    video.circb(15, 10, 1, 1);
    video.elli(25, 10, 2, 1, 1);
    video.ellib(35, 10, 2, 1, 1);
    const expected = new Map([...art(5, 9, ['c']), ...art(15, 9, ['c']), ...art(24, 9, ['ccc']), ...art(34, 9, ['ccc'])]);
    assertScreen(ram, 'clip(0,0,240,10), circles 1->12', expected);
  });
});

describe('video: tri and trib', () => {
  it('fills the pixels whose sample point lies inside, edges inclusive', () => {
    const { video, ram } = machine();
    video.tri(0, 0, 4, 0, 0, 4, 3);
    assertScreen(ram, 'tri(0,0,4,0,0,4)', art(0, 0, ['3333', '333.', '33..', '3...']));
  });

  it('vertex order does not matter', () => {
    const { video, ram } = machine();
    video.tri(0, 4, 4, 0, 0, 0, 3);
    assertScreen(ram, 'tri(0,4,4,0,0,0)', art(0, 0, ['3333', '333.', '33..', '3...']));
  });

  it('skips a triangle whose area floors to 0, but not a clockwise sliver of area in [-1, 0)', () => {
    const { video, ram } = machine();
    video.tri(0, 0.45, 4, 0.45, 0, 0.55, 1);
    assertScreen(ram, 'tri area +0.4', new Map());
    video.tri(0, 0.45, 0, 0.55, 4, 0.45, 1);
    assertScreen(
      ram,
      'tri area -0.4',
      pixelSet([
        [0, 0, 1],
        [1, 0, 1],
      ]),
    );
  });

  it('uses the palette map and the clip rectangle', () => {
    const { video, ram } = machine();
    mapColor(ram, 3, 10);
    video.clip(1, 0, 2, 240);
    video.tri(0, 0, 4, 0, 0, 4, 3);
    assertScreen(ram, 'clip(1,0,2,240) tri 3->10', art(1, 0, ['aa', 'aa', 'a.']));
  });

  it('trib draws the three lines with the mapped colour', () => {
    const { video, ram } = machine();
    mapColor(ram, 2, 4);
    video.trib(0, 0, 3, 0, 0, 3, 2);
    assertScreen(ram, 'trib(0,0,3,0,0,3)', art(0, 0, ['4444', '4.4.', '44..', '4...']));
  });
});

describe('video: clip', () => {
  it('clamps to the screen and clip reset restores it', () => {
    const { video, ram } = machine();
    video.clip(-5, -5, 8, 7);
    video.rect(0, 0, 240, 136, 1);
    assertScreen(ram, 'clip(-5,-5,8,7) rect', art(0, 0, ['111', '111']));
    video.clipReset();
    video.rect(0, 0, 240, 136, 2);
    assertScreen(ram, 'clip() rect', fullScreen(2));
  });

  it('a clip rectangle entirely off screen or of negative size draws nothing', () => {
    const { video, ram } = machine();
    video.clip(300, 0, 10, 10);
    video.rect(0, 0, 240, 136, 1);
    video.clip(10, 10, -5, 5);
    video.cls(2);
    video.circ(10, 10, 5, 3);
    assertScreen(ram, 'empty clips', new Map());
  });
});
