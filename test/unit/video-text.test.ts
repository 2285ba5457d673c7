// print and font (reference §1.1, quirk 1). Widths follow from the glyph bitmaps of the system
// font: in the regular font H, e and o use columns 0-4 and l columns 1-4; i uses columns 2-3.
// In the small font H, e, l and o use columns 0-2, i column 1.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { art, assertScreen, machine, mapColor, putSprite, px } from './video-fixture.js';

// Glyph 'i' of the regular font: rows 0, 2, 3, 4 have columns 2-3 set.
const I_GLYPH = ['##', '..', '##', '##', '##'];

function glyphArt(rows: string[], color: number): string[] {
  return rows.map((row) => row.replaceAll('#', color.toString(16)));
}

describe('video: print widths', () => {
  it('non-fixed text advances by the trimmed glyph width + 1', () => {
    const { video } = machine();
    assert.equal(video.print('Hello', 0, 0, 15, false, 1, false), 28);
    assert.equal(video.print('i', 0, 0, 15, false, 1, false), 3);
  });

  it('an empty glyph (space) advances by the cell width - 2', () => {
    const { video } = machine();
    assert.equal(video.print('i i', 0, 0, 15, false, 1, false), 10);
    assert.equal(video.print('   ', 0, 0, 15, false, 1, false), 12);
  });

  it('fixed text advances by the cell width', () => {
    const { video } = machine();
    assert.equal(video.print('Hello', 0, 0, 15, true, 1, false), 30);
    assert.equal(video.print('i i', 0, 0, 15, true, 1, false), 18);
  });

  it('scale multiplies the advance; scale 0 returns 0', () => {
    const { video } = machine();
    assert.equal(video.print('Hello', 0, 0, 15, false, 2, false), 56);
    assert.equal(video.print('Hello', 0, 0, 15, true, 3, false), 90);
    assert.equal(video.print('Hello', 0, 0, 15, false, 0, false), 0);
  });

  it('small font: cell 4 x 6', () => {
    const { video } = machine();
    assert.equal(video.print('Hello', 0, 0, 15, false, 1, true), 20);
    assert.equal(video.print('i i', 0, 0, 15, false, 1, true), 6);
    assert.equal(video.print('Hello', 0, 0, 15, true, 1, true), 20);
  });

  it('newlines: the widest line counts', () => {
    const { video } = machine();
    assert.equal(video.print('Hello\nHi', 0, 0, 15, false, 1, false), 28);
    assert.equal(video.print('Hi\nHello', 0, 0, 15, false, 1, false), 28);
    assert.equal(video.print('\n', 0, 0, 15, false, 1, false), 0);
  });

  it('the width does not depend on x', () => {
    const { video } = machine();
    assert.equal(video.print('Hello', 100, 50, 15, false, 1, false), 28);
    assert.equal(video.print('Hello', -300, 50, 15, false, 1, false), 28);
  });

  it('a NUL character ends the text', () => {
    const { video } = machine();
    assert.equal(video.print('Hi\0Hello', 0, 0, 15, false, 1, false), 9);
  });

  it('the cell size is read from the font parameters in RAM', () => {
    const { video, ram } = machine();
    ram[0x149fc] = 10;
    assert.equal(video.print('  ', 0, 0, 15, false, 1, false), 16);
    assert.equal(video.print('ii', 0, 0, 15, true, 1, false), 20);
  });
});

describe('video: print pixels', () => {
  it('draws the trimmed glyph at x', () => {
    const { video, ram } = machine();
    video.print('i', 10, 20, 3, false, 1, false);
    assertScreen(ram, 'print("i",10,20,3)', art(10, 20, glyphArt(I_GLYPH, 3)));
  });

  it('fixed text keeps the glyph columns in place', () => {
    const { video, ram } = machine();
    video.print('i', 10, 20, 3, true, 1, false);
    assertScreen(ram, 'print("i",10,20,3,true)', art(12, 20, glyphArt(I_GLYPH, 3)));
  });

  it('scale draws each glyph pixel as a square', () => {
    const { video, ram } = machine();
    video.print('i', 0, 0, 4, false, 2, false);
    assertScreen(ram, 'print("i",0,0,4,false,2)', art(0, 0, ['4444', '4444', '....', '....', '4444', '4444', '4444', '4444', '4444', '4444']));
  });

  it('ignores the palette map (quirk 1)', () => {
    const { video, ram } = machine();
    mapColor(ram, 3, 9);
    video.print('i', 0, 0, 3, false, 1, false);
    assert.equal(px(ram, 0, 0), 3);
  });

  it('the colour is taken modulo 16; a negative one such as -1 is transparent', () => {
    const { video, ram } = machine();
    video.print('i', 0, 0, 17, false, 1, false);
    assert.equal(px(ram, 0, 0), 1, 'print colour 17');
    const { video: v2, ram: r2 } = machine();
    assert.equal(v2.print('i', 0, 0, -1, false, 1, false), 4, 'print colour -1: every glyph counts as empty');
    assertScreen(r2, 'print("i",0,0,-1)', new Map());
  });

  it('newline returns to x and moves down by the cell height', () => {
    const { video, ram } = machine();
    video.print('i\ni', 5, 0, 2, false, 1, false);
    assertScreen(ram, 'print("i\\ni",5,0,2)', new Map([...art(5, 0, glyphArt(I_GLYPH, 2)), ...art(5, 6, glyphArt(I_GLYPH, 2))]));
  });

  it('small font glyphs come from 0x14A04', () => {
    const { video, ram } = machine();
    video.print('i', 0, 0, 5, false, 1, true);
    assertScreen(ram, 'print("i",0,0,5,false,1,true)', art(0, 0, ['5', '.', '5', '5', '5']));
  });

  it('glyphs are read from the font in RAM', () => {
    const { video, ram } = machine();
    ram.fill(0, 0x14604 + 8 * 65, 0x14604 + 8 * 66);
    ram[0x14604 + 8 * 65 + 1] = 0b101;
    assert.equal(video.print('A', 0, 0, 6, false, 1, false), 4);
    assertScreen(ram, 'print("A") with a poked glyph', art(0, 1, ['6.6']));
  });

  it('is clipped', () => {
    const { video, ram } = machine();
    video.clip(0, 2, 240, 2);
    video.print('i', 0, 0, 7, false, 1, false);
    assertScreen(ram, 'clip(0,2,240,2) print("i")', art(0, 2, ['77', '77']));
  });
});

describe('video: font', () => {
  function glyphSetup(ram: Uint8Array): void {
    // Sprite 65 ('A') of the sprites sheet: a 2-pixel-wide glyph in columns 3-4.
    putSprite(ram, 65, ['00012000', '00021000', ...Array<string>(6).fill('00000000')], 0x6000);
  }

  it('draws from the sprites sheet by default, trimmed, with colour key 0', () => {
    const { video, ram } = machine();
    glyphSetup(ram);
    video.cls(9);
    const width = video.font('AA', 10, 10, [0], 8, 8, false, 1, false);
    assert.equal(width, 6);
    assertScreen(ram, 'font("AA",10,10)', art(10, 10, ['12.12', '21.21']), 9);
  });

  it('fixed text advances by char_width; the palette map applies', () => {
    const { video, ram } = machine();
    glyphSetup(ram);
    mapColor(ram, 1, 4);
    const width = video.font('AA', 0, 0, [0], 5, 8, true, 1, false);
    assert.equal(width, 10);
    assertScreen(ram, 'font("AA",0,0,0,5,8,true) 1->4', art(3, 0, ['42...42', '24...24']));
  });

  it('empty glyphs advance by char_width; newline moves down by char_height', () => {
    const { video, ram } = machine();
    glyphSetup(ram);
    const width = video.font('B\nA', 0, 0, [0], 7, 3, false, 1, false);
    assert.equal(width, 7);
    assertScreen(ram, 'font("B\\nA",0,0,0,7,3)', art(0, 3, ['12', '21']));
  });

  it('alt adds 128 to the character code', () => {
    const { video, ram } = machine();
    putSprite(ram, 128 + 66, ['30000000', ...Array<string>(7).fill('00000000')], 0x6000);
    video.font('B', 0, 0, [0], 8, 8, false, 1, true);
    assertScreen(ram, 'font("B",..,alt)', art(0, 0, ['3']));
  });

  it('uses the sheet opposite to the blit segment: segment 3 reads the tiles sheet', () => {
    const { video, ram } = machine();
    putSprite(ram, 65, ['50000000', ...Array<string>(7).fill('00000000')], 0x4000);
    ram[0x3ffc] = 3;
    video.font('A', 0, 0, [0], 8, 8, false, 1, false);
    assertScreen(ram, 'segment 3 font("A")', art(0, 0, ['5']));
  });
});
