// Conformance: sfx(), music(), fft() and ffts() as far as RAM goes (reference §1.3, §4, §6): the
// sound registers and channel state they leave, their argument rules and error texts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectError, expectOk, traced } from './expect.js';
import { Rig } from './rig.js';

const rig = await Rig.load();

const REGISTERS = 0x0ff9c;
const MUSIC_STATE = 0x13ffc;
/** Frequency (12 bits) and volume of channel ch's sound register after the frame. */
const register = (ram: Uint8Array, ch: number) => {
  const base = REGISTERS + 18 * ch;
  return { freq: ram[base] | ((ram[base + 1] & 0x0f) << 8), volume: ram[base + 1] >> 4 };
};

/** Sample 0 at full volume on every tick, so a started sfx shows in the registers. */
const LOUD_SAMPLE = 'for t = 0, 29 do poke(0x100E4 + t * 2, 0x10) end';

describe('sfx', () => {
  it("starts at the next frame: the register holds the note's frequency and the volume", () => {
    const run = rig.run(`function BOOT() ${LOUD_SAMPLE} sfx(0, "A-5", -1, 2) end function TIC() end`, { frames: 2 });
    expectOk(run, 'sfx(0, "A-5", -1, 2)');
    assert.deepEqual(register(run.ram, 2), { freq: 440, volume: 15 }, 'channel 2 plays A-5 (440 Hz) at volume 15');
    assert.deepEqual(register(run.ram, 0), { freq: 0, volume: 0 }, 'channel 0 is silent');
  });

  it('an integer note is note % 12 in octave note // 12; id -1 stops the channel', () => {
    const code = `f = 0 function BOOT() ${LOUD_SAMPLE} sfx(0, 57) end function TIC() f = f + 1 if f == 2 then sfx(-1) end end`;
    const run = rig.run(code, { frames: 3 });
    expectOk(run, 'sfx(-1)');
    assert.deepEqual(register(run.ram, 0), { freq: 0, volume: 0 }, 'stopped by sfx(-1)');
    assert.deepEqual(register(rig.run(`function BOOT() ${LOUD_SAMPLE} sfx(0, 57) end function TIC() end`, { frames: 2 }).ram, 0).freq, 440);
  });

  it("volume (& 0xf) sets the channel's stereo volume on both sides; a duration ends the sound", () => {
    const run = rig.run(`function BOOT() ${LOUD_SAMPLE} sfx(0, "A-5", -1, 1, 7 + 16) end function TIC() end`, { frames: 2 });
    assert.equal(run.ram[0x14000 + 1], 0x77, 'stereo byte of channel 1: left 7, right 7');
    const short = rig.run(`function BOOT() ${LOUD_SAMPLE} sfx(0, "A-5", 2, 0) end function TIC() end`, { frames: 5 });
    assert.deepEqual(register(short.ram, 0), { freq: 0, volume: 0 }, 'silent after its 2 frames');
  });

  it("raises TIC-80's errors", () => {
    expectError(rig.tic('sfx(64)'), 'sfx(64)', 'cart.lua:2: unknown sfx index');
    expectError(rig.tic('sfx(0, "A-5", -1, 4)'), 'sfx channel 4', 'cart.lua:2: unknown channel');
    expectError(rig.tic('sfx(0, 14.0)'), 'sfx(0, 14.0)', 'cart.lua:2: invalid note, should be like C#4');
  });
});

describe('music', () => {
  it('plays a track: the music state holds the track, frame and row, and music() stops it', () => {
    // Track 0 frame 0 uses pattern 1 on channel 0; its first row plays C-4 with sfx 0.
    const code = [
      'function BOOT()',
      `  ${LOUD_SAMPLE}`,
      '  poke(0x13E64, 1)',
      '  poke(0x11164, 0x04) poke(0x11166, 3 << 5)',
      '  music(0)',
      'end',
      'f = 0',
      'function TIC() f = f + 1 if f == 3 then trace(peek(0x13FFC) .. " " .. peek(0x13FFD) .. " " .. peek(0x13FFE)) music() end end',
    ].join('\n');
    const run = rig.run(code, { frames: 4 });
    assert.deepEqual(traced(run, 'music(0)'), ['0 0 0']);
    assert.equal(run.ram[MUSIC_STATE], 0xff, 'music() leaves no track playing');
  });

  it('a track above 7 is an error', () => {
    expectError(rig.tic('music(8)'), 'music(8)', 'cart.lua:2: invalid music track index');
  });
});

describe('fft, ffts', () => {
  it('return 0: there is no audio input to analyse', () => {
    assert.deepEqual(traced(rig.tic('trace(fft(0) .. " " .. fft(0, 1023) .. " " .. ffts(5))'), 'fft'), ['0.0 0.0 0.0']);
  });
});
