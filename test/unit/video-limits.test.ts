// Extreme arguments: huge, negative, NaN and infinite values must finish (the test runner's
// timeout catches a hang) and draw only what the clipped geometry gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertScreen, H, machine, pixelSet, putSprite, px, W, type Pixels } from './video-fixture.js';

function fullScreen(color: number): Pixels {
  const all: Pixels = new Map();
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) all.set(`${x},${y}`, color);
  return all;
}

const BAD = [NaN, Infinity, -Infinity, 1e300, -1e300, 2 ** 31, -(2 ** 31) - 1];

describe('video: huge arguments', () => {
  it('line across the whole number range draws the visible diagonal', () => {
    const { video, ram } = machine();
    video.line(-1e9, -1e9, 1e9, 1e9, 1);
    assertScreen(ram, 'line(-1e9,-1e9,1e9,1e9)', pixelSet(Array.from({ length: H }, (_, i): [number, number, number] => [i, i, 1])));
  });

  it('rect and rectb of huge size cover the screen', () => {
    const { video, ram } = machine();
    video.rect(-1e9, -1e9, 2e9, 2e9, 3);
    assertScreen(ram, 'rect(-1e9,-1e9,2e9,2e9)', fullScreen(3));
    video.rectb(-1e9, -1e9, 2e9, 2e9, 4);
    assertScreen(ram, 'rectb(-1e9,-1e9,2e9,2e9): border off screen', fullScreen(3));
    video.rect(2147483647, 0, 2147483647, 10, 5);
    assertScreen(ram, 'rect(2^31-1,...)', fullScreen(3));
  });

  it('circ with a huge radius fills the screen; circb with it draws nothing visible', () => {
    const { video, ram } = machine();
    video.circ(0, 0, 1e9, 1);
    assertScreen(ram, 'circ(0,0,1e9)', fullScreen(1));
    video.circb(0, 0, 1e9, 2);
    assertScreen(ram, 'circb(0,0,1e9)', fullScreen(1));
    video.elli(120, 68, 2e9, 5, 6);
    assert.equal(px(ram, 0, 68), 6, 'elli(120,68,2e9,5): row 68 filled');
    assert.equal(px(ram, 0, 62), 1, 'elli(120,68,2e9,5): row 62 outside');
  });

  it('a huge circle outline that crosses the screen is drawn where it crosses', () => {
    const { video, ram } = machine();
    const r = 1_000_000;
    video.circb(120, 10 + r, r, 7);
    assert.equal(px(ram, 120, 10), 7, 'top of circb at (120,10)');
    assert.equal(px(ram, 120, 9), 0, 'above the top');
    assert.equal(px(ram, 0, 11), 7, 'row 11 runs out to the left edge');
    assert.equal(px(ram, 120, 11), 0, 'inside below the top');
    assert.equal(px(ram, 120, 100), 0, 'inside');
  });

  it('a circle of radius 30000 around the screen is still walked exactly', () => {
    const { video, ram } = machine();
    video.circ(120, 68, 30000, 2);
    assertScreen(ram, 'circ(120,68,30000)', fullScreen(2));
  });

  it('tri with huge vertices fills the covered screen', () => {
    const { video, ram } = machine();
    video.tri(-1e9, -1e9, 2e9, -1e9, -1e9, 2e9, 5);
    assertScreen(ram, 'tri(-1e9,-1e9,2e9,-1e9,-1e9,2e9)', fullScreen(5));
    video.tri(-1e9, -1e9, 1e9, -1e9, -1e9, 1e9, 6);
    assertScreen(ram, 'tri(-1e9,-1e9,1e9,-1e9,-1e9,1e9): the screen lies beyond its long edge', fullScreen(5));
    video.tri(0, 0, 3e9, 0, 0, 100, 7);
    assertScreen(ram, 'tri(0,0,3e9,0,0,100): a vertex beyond the s32 range empties the box', fullScreen(5));
  });

  it('spr with scale 1e6 covers the screen with its first texel; huge composites draw the visible tiles', () => {
    const { video, ram } = machine();
    putSprite(ram, 1, ['3' + '0'.repeat(7), ...Array<string>(7).fill('00000000')]);
    video.spr(1, 0, 0, [], 1e6, 0, 0, 1, 1);
    assertScreen(ram, 'spr(1,0,0,-1,1e6)', fullScreen(3));
    video.cls(0);
    video.spr(1, 0, 0, [], 1, 0, 0, 1e9, 1e9);
    assert.equal(px(ram, 0, 0), 3, 'spr w=h=1e9: tile (0,0) is sprite 1');
    assert.equal(px(ram, 1, 0), 0, 'spr w=h=1e9');
    video.spr(2147483647, 0, 0, [], 1, 3, 3, 2147483647, 2147483647);
  });

  it('map of a huge block visits only the visible cells, even with remap', () => {
    const { video, ram } = machine();
    putSprite(ram, 1, Array<string>(8).fill('44444444'));
    ram.fill(1, 0x8000, 0x8000 + 240 * 136);
    let calls = 0;
    video.map(0, 0, 1e9, 1e9, 0, 0, [], 1, (tile) => {
      calls++;
      return [tile, 0, 0];
    });
    assert.equal(calls, 30 * 17);
    assertScreen(ram, 'map(0,0,1e9,1e9)', fullScreen(4));
    video.map(-1e9, -1e9, 30, 17, 0, 0, [], 1e6);
    video.map(0, 0, 1e9, 1e9, -1e9, -1e9, [], 1);
  });

  it('print with huge scale or position finishes', () => {
    const { video, ram } = machine();
    assert.equal(video.print('i', 0, 0, 3, false, 1e6, false), 3e6);
    assertScreen(ram, 'print("i",0,0,3,false,1e6)', fullScreen(3));
    video.print('Hello\nHello', -1e9, 1e9, 3, true, 1e4, false);
    video.font('AAAA', 1e9, -1e9, [0], 1e9, 1e9, true, 1e9, false);
  });
});

describe('video: NaN and infinities', () => {
  it('are harmless for every primitive', () => {
    const { video, ram } = machine();
    putSprite(ram, 1, Array<string>(8).fill('11111111'));
    for (const v of BAD) {
      video.pix(v, v, 1);
      video.pix(v, 0, 1);
      video.rect(v, v, v, v, 1);
      video.rect(0, 0, v, v, 1);
      video.rectb(v, 0, v, 10, 1);
      video.circ(v, v, v, 1);
      video.circb(10, 10, v, 1);
      video.elli(10, 10, v, v, 1);
      video.ellib(v, 10, 3, 3, 1);
      video.spr(v, 0, 0, [v], v, v, v, v, v);
      video.spr(1, v, v, [], 1, 0, 0, 1, 1);
      video.map(v, v, v, v, v, v, [v], v);
      video.print('Hello', v, v, v, false, v, false);
      video.font('Hello', v, v, [v], v, v, false, v, false);
      assert.equal(video.getPix(v, v), 0);
    }
    assertScreen(ram, 'NaN/infinite arguments', new Map());
  });

  it('tri and trib with a non-finite vertex draw nothing', () => {
    const { video, ram } = machine();
    for (const v of [NaN, Infinity, -Infinity, 1e300, -1e300]) {
      video.tri(v, v, 10, 0, 0, 10, 1);
      video.tri(v, 0, 10, v, 0, 10, 1);
      video.trib(v, v, v, v, v, v, 1);
      video.trib(v, 0, v, v, 0, v, 1);
    }
    assertScreen(ram, 'tri/trib with non-finite vertices', new Map());
  });

  it('line with one NaN coordinate still plots its end point, as the DDA does', () => {
    const { video, ram } = machine();
    video.line(NaN, 0, 10, 0, 1);
    assertScreen(ram, 'line(NaN,0,10,0)', pixelSet([[10, 0, 1]]));
  });

  it('a NaN colour writes colour 0 through the palette map', () => {
    const { video, ram } = machine();
    video.cls(5);
    video.pix(3, 3, NaN);
    assert.equal(px(ram, 3, 3), 0);
  });

  it('a NaN or infinite clip rectangle is empty', () => {
    const { video, ram } = machine();
    video.clip(NaN, NaN, NaN, NaN);
    video.cls(3);
    video.clip(0, 0, Infinity, Infinity);
    video.rect(0, 0, 10, 10, 3);
    assertScreen(ram, 'clip with NaN/Infinity', new Map());
  });
});
