// resetRam, vbank and the output frame (reference §2, §3.2-3.5, §4).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SWEETIE_16 } from '../../runner/common/default-palette.js';
import { blit, machine, px } from './video-fixture.js';

const FRAME_BYTES = 256 * 144 * 4;

function rgbAt(out: Uint8Array, x: number, y: number): number[] {
  const o = (y * 256 + x) * 4;
  return [out[o], out[o + 1], out[o + 2], out[o + 3]];
}

function sweetie(c: number): number[] {
  return [SWEETIE_16[c * 3], SWEETIE_16[c * 3 + 1], SWEETIE_16[c * 3 + 2], 255];
}

describe('video: resetRam', () => {
  it('writes palette, identity map, registers and fonts', () => {
    const { ram } = machine();
    assert.deepEqual([...ram.subarray(0x3fc0, 0x3fc6)], [0x1a, 0x1c, 0x2c, 0x5d, 0x27, 0x5d]);
    assert.deepEqual([...ram.subarray(0x3fed, 0x3ff0)], [0x33, 0x3c, 0x57]);
    assert.deepEqual([...ram.subarray(0x3ff0, 0x3ff8)], [0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe]);
    assert.deepEqual([...ram.subarray(0x3ff8, 0x3ffd)], [0, 0, 0, 0x80, 2]);
    // Glyph 'A' (65) of each font, and the cell sizes.
    assert.deepEqual([...ram.subarray(0x14604 + 65 * 8, 0x14604 + 66 * 8)], [0x0e, 0x13, 0x13, 0x1f, 0x13, 0, 0, 0]);
    assert.deepEqual([...ram.subarray(0x149fc, 0x14a04)], [6, 6, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual([...ram.subarray(0x14a04 + 65 * 8, 0x14a04 + 66 * 8)], [0x02, 0x05, 0x07, 0x05, 0x05, 0, 0, 0]);
    assert.deepEqual([...ram.subarray(0x14dfc, 0x14e04)], [4, 6, 0, 0, 0, 0, 0, 0]);
  });

  it('takes a cart palette for both banks, or a separate non-zero one for bank 1', () => {
    const { video, ram } = machine();
    const pal0 = new Uint8Array(48).fill(7);
    const pal1 = new Uint8Array(48).fill(9);
    video.resetRam(pal0, new Uint8Array(48));
    video.vbank(1);
    assert.equal(ram[0x3fc0], 7, 'all-zero bank-1 palette: bank 1 gets the bank-0 palette');
    video.resetRam(pal0, pal1);
    assert.equal(ram[0x3fc0], 7, 'bank 0 after reset');
    video.vbank(1);
    assert.equal(ram[0x3fc0], 9, 'bank 1 after reset');
  });

  it('selects bank 0 without swapping: the current screen stays, the other bank is cleared', () => {
    const { video, ram } = machine();
    video.pix(0, 0, 3);
    video.vbank(1);
    video.pix(1, 0, 4);
    ram[0x3ff9] = 5;
    video.clip(0, 0, 1, 1);
    video.resetRam();
    assert.equal(video.vbank(), 0);
    assert.equal(px(ram, 1, 0), 4, 'the former bank 1 pixels are now bank 0');
    assert.equal(ram[0x3ff9], 0, 'registers reset');
    video.pix(100, 100, 1);
    assert.equal(px(ram, 100, 100), 1, 'clip reset');
    video.vbank(1);
    assert.equal(px(ram, 0, 0), 0, 'the other bank is cleared');
    assert.equal(ram[0x3fc0], 0x1a, 'the other bank has the palette');
  });
});

describe('video: vbank', () => {
  it('returns the previous id, swaps 16 KB, ignores other ids', () => {
    const { video, ram } = machine();
    video.pix(0, 0, 5);
    assert.equal(video.vbank(), 0);
    assert.equal(video.vbank(1), 0);
    assert.equal(px(ram, 0, 0), 0, 'bank 1 screen');
    video.pix(0, 0, 6);
    ram[0x3fc0] = 0x42;
    assert.equal(video.vbank(2), 1);
    assert.equal(video.vbank(-1), 1);
    assert.equal(video.vbank(1), 1);
    assert.equal(video.vbank(0), 1);
    assert.equal(px(ram, 0, 0), 5, 'bank 0 screen back');
    assert.equal(ram[0x3fc0], 0x1a, 'bank 0 palette back');
    video.vbank(1);
    assert.equal(px(ram, 0, 0), 6, 'bank 1 screen kept');
    assert.equal(ram[0x3fc0], 0x42, 'bank 1 palette kept');
  });
});

describe('video: blit', () => {
  it('rejects a frame buffer that is too small', () => {
    const { video } = machine();
    assert.throws(() => blit(video, new Uint8Array(100)), RangeError);
  });

  it('fills the border with the bank-0 border colour and places the screen at (8, 4)', () => {
    const { video, ram } = machine();
    ram[0x3ff8] = 0xf3; // high nibble is padding
    video.cls(1);
    video.pix(0, 0, 5);
    video.pix(239, 135, 6);
    const out = new Uint8Array(FRAME_BYTES);
    blit(video, out);
    assert.deepEqual(rgbAt(out, 0, 0), sweetie(3), 'border (0,0)');
    assert.deepEqual(rgbAt(out, 255, 143), sweetie(3), 'border (255,143)');
    assert.deepEqual(rgbAt(out, 7, 4), sweetie(3), 'border (7,4)');
    assert.deepEqual(rgbAt(out, 248, 4), sweetie(3), 'border (248,4)');
    assert.deepEqual(rgbAt(out, 8, 3), sweetie(3), 'border (8,3)');
    assert.deepEqual(rgbAt(out, 8, 4), sweetie(5), 'screen (0,0) at frame (8,4)');
    assert.deepEqual(rgbAt(out, 247, 139), sweetie(6), 'screen (239,135) at frame (247,139)');
    assert.deepEqual(rgbAt(out, 9, 4), sweetie(1), 'screen (1,0)');
  });

  it('screen offsets scroll each bank picture left and up, wrapping', () => {
    const { video, ram } = machine();
    video.pix(0, 0, 5);
    ram[0x3ff9] = 10;
    ram[0x3ffa] = 0xff; // -1
    const out = new Uint8Array(FRAME_BYTES);
    blit(video, out);
    assert.deepEqual(rgbAt(out, 8 + 230, 4 + 1), sweetie(5), 'offset (10,-1): VRAM (0,0) shows at screen (230,1)');
    assert.deepEqual(rgbAt(out, 8, 4), sweetie(0), 'offset (10,-1): screen (0,0) shows VRAM (10,135)');
  });

  it('bank 1 overlays bank 0 except where it has its transparent colour, each with its own palette and offsets', () => {
    const { video, ram } = machine();
    video.pix(5, 5, 2);
    video.pix(6, 6, 4);
    video.vbank(1);
    ram[0x3fc0 + 7 * 3] = 0x11;
    ram[0x3fc0 + 7 * 3 + 1] = 0x22;
    ram[0x3fc0 + 7 * 3 + 2] = 0x33;
    ram[0x3ff8] = 3; // bank 1: transparent colour 3, not the border
    ram[0x3ff9] = 1;
    video.cls(3);
    video.pix(6, 5, 7);
    video.pix(8, 6, 0);
    const out = new Uint8Array(FRAME_BYTES);
    blit(video, out);
    assert.deepEqual(rgbAt(out, 8 + 5, 4 + 5), [0x11, 0x22, 0x33, 255], 'bank-1 pixel (6,5) scrolled to (5,5), bank-1 palette');
    assert.deepEqual(rgbAt(out, 8 + 7, 4 + 6), sweetie(0), 'bank-1 colour 0 is opaque when 3 is transparent');
    assert.deepEqual(rgbAt(out, 8 + 6, 4 + 6), sweetie(4), 'transparent bank 1 shows bank 0');
    assert.deepEqual(rgbAt(out, 0, 0), sweetie(0), 'border from bank 0');
  });

  it('by default bank 1 is transparent where it holds colour 0', () => {
    const { video } = machine();
    video.pix(0, 0, 9);
    video.vbank(1);
    video.pix(1, 0, 9);
    const out = new Uint8Array(FRAME_BYTES);
    blit(video, out);
    assert.deepEqual(rgbAt(out, 8, 4), sweetie(9));
    assert.deepEqual(rgbAt(out, 9, 4), sweetie(9));
    assert.deepEqual(rgbAt(out, 10, 4), sweetie(0));
  });

  it('calls BDR before every row and SCN(0) at row 0, SCN(n) at row n + 4', () => {
    const { video } = machine();
    const events: string[] = [];
    blit(video, new Uint8Array(FRAME_BYTES), {
      bdr: (row) => events.push(`b${row}`),
      scn: (row) => events.push(`s${row}`),
    });
    assert.deepEqual(events.slice(0, 7), ['b0', 's0', 'b1', 'b2', 'b3', 'b4', 'b5']);
    assert.equal(events[7], 's1');
    assert.equal(events.filter((e) => e.startsWith('b')).length, 144);
    assert.equal(events.filter((e) => e.startsWith('s')).length, 136);
    assert.deepEqual(events.slice(events.indexOf('b139'), events.indexOf('b139') + 3), ['b139', 's135', 'b140']);
  });

  it('palette and border changes made in a callback apply from that row on', () => {
    const { video, ram } = machine();
    const out = new Uint8Array(FRAME_BYTES);
    blit(video, out, {
      bdr: (row) => {
        if (row === 50) {
          ram[0x3fc0] = 0xaa;
          ram[0x3fc1] = 0xbb;
          ram[0x3fc2] = 0xcc;
        }
        if (row === 100) ram[0x3ff8] = 2;
      },
    });
    assert.deepEqual(rgbAt(out, 0, 49), sweetie(0), 'row 49 border: old palette');
    assert.deepEqual(rgbAt(out, 0, 50), [0xaa, 0xbb, 0xcc, 255], 'row 50 border: new palette');
    assert.deepEqual(rgbAt(out, 100, 49), sweetie(0), 'row 49 screen: old palette');
    assert.deepEqual(rgbAt(out, 100, 50), [0xaa, 0xbb, 0xcc, 255], 'row 50 screen: new palette');
    assert.deepEqual(rgbAt(out, 0, 99), [0xaa, 0xbb, 0xcc, 255], 'row 99 border colour 0');
    assert.deepEqual(rgbAt(out, 0, 100), sweetie(2), 'row 100 border colour 2');
  });

  it('a callback may switch banks: composition follows where each bank is', () => {
    const { video, ram } = machine();
    video.vbank(1);
    ram[0x3ff8] = 5; // bank 1 transparent colour 5 must not become the border
    video.vbank(0);
    ram[0x3ff8] = 4;
    const out = new Uint8Array(FRAME_BYTES);
    blit(video, out, { scn: (row) => (row === 10 ? video.vbank(1) : undefined) });
    assert.equal(video.vbank(), 1);
    assert.deepEqual(rgbAt(out, 0, 14), sweetie(4), 'border after switching: still bank 0');
  });
});
