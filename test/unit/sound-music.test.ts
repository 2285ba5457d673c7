// The music sequencer (reference §6.5): row timing, frames, looping, sustain, note-off, and the
// commands M C J S P V D, observed through the music state bytes, registers and stereo bytes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOTE_FREQS } from '../../runner/vm/sound/note-freqs.js';
import { SQUARE, putRow, putSample, putTrack, putWaveform, register, sfxState, soundMachine, stereo } from './sound-fixture.js';

const M = 1;
const C = 2;
const J = 3;
const S = 4;
const P = 5;
const V = 6;
const D = 7;

function setup() {
  const m = soundMachine();
  putWaveform(m.ram, 0, SQUARE);
  putSample(m.ram, 0, { wave: 0, volume: 15 });
  return m;
}

/** Music state bytes: track, frame, row (signed) and the flags byte. */
function state(ram: Uint8Array): { track: number; frame: number; row: number; flags: number } {
  const s = new Int8Array(ram.buffer, 0x13ffc, 3);
  return { track: s[0], frame: s[1], row: s[2], flags: ram[0x13fff] };
}

/** Runs n ticks and collects f(ram) after each. */
function ticks<T>(m: ReturnType<typeof setup>, n: number, f: (ram: Uint8Array) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    m.chip.tick();
    out.push(f(m.ram));
  }
  return out;
}

describe('sound: music timing', () => {
  it('advances a row every 6 ticks at tempo 150 and speed 6, playing each row at its first tick', () => {
    const m = setup();
    for (let r = 0; r < 4; r++) putRow(m.ram, 1, r, { note: 45 + r, sfx: 0 });
    putTrack(m.ram, 0, { frames: [[1, 0, 0, 0]] });
    m.chip.music(0);
    assert.deepEqual(state(m.ram), { track: 0, frame: 0, row: -1, flags: 0b0101 }, 'loop, status play');
    const seen = ticks(m, 19, (ram) => [state(ram).row, register(ram, 0).freq]);
    const expected: number[][] = [];
    for (let f = 0; f < 19; f++) expected.push([Math.floor(f / 6), NOTE_FREQS[45 + Math.floor(f / 6)]]);
    assert.deepEqual(seen, expected);
  });

  it('uses tempo and speed from music() over the track, and the track values otherwise', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 45, sfx: 0 });
    putTrack(m.ram, 0, { frames: [[1, 0, 0, 0]], tempo: 150, speed: 3 });
    m.chip.music(0);
    assert.deepEqual(
      ticks(m, 7, (ram) => state(ram).row),
      [0, 0, 0, 1, 1, 1, 2],
      'speed 3: 3 ticks per row',
    );
    m.chip.music(0, 0, -1, true, false, 75, 6);
    assert.deepEqual(
      ticks(m, 13, (ram) => state(ram).row),
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
      'tempo 75: 12 ticks per row',
    );
  });

  it('moves to the next frame at the pattern end and loops back to frame 0, resetting the ticks', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 45, sfx: 0 });
    putRow(m.ram, 2, 0, { note: 57, sfx: 0 });
    putTrack(m.ram, 0, {
      frames: [
        [1, 0, 0, 0],
        [2, 0, 0, 0],
      ],
      rows: 2,
      speed: 1,
    });
    m.chip.music(0);
    // speed 1: row = tick * 150 * 6 / 1 / 900 = tick.
    const seen = ticks(m, 5, (ram) => [state(ram).frame, state(ram).row, register(ram, 0).freq]);
    assert.deepEqual(seen, [
      [0, 0, 220],
      [0, 1, 220],
      [1, 0, 440],
      [1, 1, 440],
      [0, 0, 220],
    ]);
  });

  it('stops after the last frame without loop: track -1, status stop, silence', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 45, sfx: 0 });
    putTrack(m.ram, 0, { frames: [[1, 0, 0, 0]], rows: 2, speed: 1 });
    m.chip.music(0, -1, -1, false);
    const seen = ticks(m, 3, (ram) => [state(ram).track, (state(ram).flags >> 1) & 3, register(ram, 0).volume]);
    assert.deepEqual(seen, [
      [0, 2, 15],
      [0, 2, 15],
      [-1, 0, 0],
    ]);
  });

  it('treats a frame with four empty patterns as the end of the song', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 45, sfx: 0 });
    putTrack(m.ram, 0, {
      frames: [
        [1, 0, 0, 0],
        [0, 0, 0, 0],
        [1, 0, 0, 0],
      ],
      rows: 1,
      speed: 1,
    });
    m.chip.music(0);
    assert.deepEqual(
      ticks(m, 3, (ram) => state(ram).frame),
      [0, 0, 0],
      'looping: frame 1 is empty, so back to 0',
    );
  });

  it('starts at a given frame and row', () => {
    const m = setup();
    putRow(m.ram, 2, 8, { note: 50, sfx: 0 });
    putTrack(m.ram, 0, {
      frames: [
        [1, 0, 0, 0],
        [0, 2, 0, 0],
      ],
    });
    m.chip.music(0, 1, 8);
    m.chip.tick();
    assert.deepEqual([state(m.ram).frame, state(m.ram).row], [1, 8]);
    assert.equal(register(m.ram, 1).freq, NOTE_FREQS[50]);
  });

  it('stops the music with a negative track', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 45, sfx: 0 });
    putTrack(m.ram, 0, { frames: [[1, 0, 0, 0]] });
    m.chip.music(0);
    m.chip.tick();
    m.chip.music(-1);
    m.chip.tick();
    assert.equal(state(m.ram).track, -1);
    assert.equal(register(m.ram, 0).volume, 0);
    assert.throws(() => m.chip.music(8), RangeError);
  });

  it('plays only one frame with frameOnly: repeats it when looping, stops at its end otherwise', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 45, sfx: 0 });
    putTrack(m.ram, 0, {
      frames: [
        [1, 0, 0, 0],
        [1, 0, 0, 0],
      ],
      rows: 1,
      speed: 1,
    });
    m.chip.music(0, 0, -1, true, false, -1, -1, true);
    assert.deepEqual(
      ticks(m, 3, (ram) => [state(ram).frame, (state(ram).flags >> 1) & 3]),
      [
        [0, 1],
        [0, 1],
        [0, 1],
      ],
    );
    m.chip.music(0, 0, -1, false, false, -1, -1, true);
    assert.deepEqual(
      ticks(m, 2, (ram) => state(ram).track),
      [0, -1],
    );
  });
});

describe('sound: music notes and channels', () => {
  it('stops a channel at a note-off and leaves the others playing', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 45, sfx: 0 });
    putRow(m.ram, 1, 1, { note: 'off' });
    putRow(m.ram, 2, 0, { note: 57, sfx: 0 });
    putTrack(m.ram, 0, { frames: [[1, 2, 0, 0]], speed: 1 });
    m.chip.music(0);
    assert.deepEqual(
      ticks(m, 3, (ram) => [register(ram, 0).volume, register(ram, 1).volume]),
      [
        [15, 15],
        [0, 15],
        [0, 15],
      ],
    );
  });

  it('runs music channels at the sample speed and never writes the sfx state bytes', () => {
    const m = setup();
    putSample(m.ram, 1, { wave: 0, volume: [15, 15, 0], speed: 3 });
    putRow(m.ram, 1, 0, { note: 45, sfx: 1 });
    putTrack(m.ram, 0, { frames: [[1, 0, 0, 0]] });
    m.chip.music(0);
    assert.deepEqual(
      ticks(m, 2, (ram) => register(ram, 0).volume),
      [15, 0],
      'speed 3: tick 1 is envelope step 4',
    );
    assert.deepEqual(sfxState(m.ram, 0), [-1, -1, -1, -1]);
  });

  it('resets the channels at each pattern end unless sustain is on', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 45, sfx: 0 });
    putTrack(m.ram, 0, {
      frames: [
        [1, 0, 0, 0],
        [2, 0, 0, 0],
      ],
      rows: 2,
      speed: 1,
    });
    m.chip.music(0);
    assert.deepEqual(
      ticks(m, 3, (ram) => register(ram, 0).volume),
      [15, 15, 0],
      'pattern 2 is empty: without sustain the note stops at the frame change',
    );
    m.chip.music(0, -1, -1, true, true);
    assert.deepEqual(
      ticks(m, 4, (ram) => register(ram, 0).freq),
      [220, 220, 220, 220],
      'sustain: the note goes on into frame 1',
    );
  });
});

describe('sound: music commands', () => {
  it('M sets the channel volumes: left X, right Y, kept for later notes', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 45, sfx: 0, command: M, x: 12, y: 3 });
    putRow(m.ram, 1, 1, { note: 47, sfx: 0 });
    putTrack(m.ram, 0, { frames: [[1, 0, 0, 0]], speed: 1 });
    m.chip.music(0);
    assert.deepEqual(
      ticks(m, 2, (ram) => stereo(ram, 0)),
      [
        { left: 12, right: 3 },
        { left: 12, right: 3 },
      ],
    );
  });

  it('C cycles +0, +X, +Y semitones each tick, or +0, +X when Y is 0', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 45, sfx: 0, command: C, x: 4, y: 7 });
    putRow(m.ram, 2, 0, { note: 45, sfx: 0, command: C, x: 12, y: 0 });
    putTrack(m.ram, 0, { frames: [[1, 2, 0, 0]] });
    m.chip.music(0);
    const seen = ticks(m, 4, (ram) => [register(ram, 0).freq, register(ram, 1).freq]);
    assert.deepEqual(seen, [
      [NOTE_FREQS[45], NOTE_FREQS[45]],
      [NOTE_FREQS[49], NOTE_FREQS[57]],
      [NOTE_FREQS[52], NOTE_FREQS[45]],
      [NOTE_FREQS[45], NOTE_FREQS[57]],
    ]);
  });

  it('J jumps to frame X, row 4 * Y at the next row change', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 45, sfx: 0, command: J, x: 2, y: 3 });
    putRow(m.ram, 3, 12, { note: 57, sfx: 0 });
    putTrack(m.ram, 0, {
      frames: [
        [1, 0, 0, 0],
        [1, 0, 0, 0],
        [3, 0, 0, 0],
      ],
      speed: 1,
    });
    m.chip.music(0);
    const seen = ticks(m, 3, (ram) => [state(ram).frame, state(ram).row, register(ram, 0).freq]);
    assert.deepEqual(seen, [
      [0, 0, 220],
      [2, 12, 440],
      [2, 13, 440],
    ]);
  });

  it('S slides from the previous note to the new one over XY ticks', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 45, sfx: 0 });
    putRow(m.ram, 1, 1, { note: 57, sfx: 0, command: S, x: 0, y: 4 });
    putTrack(m.ram, 0, { frames: [[1, 0, 0, 0]] });
    m.chip.music(0, 0, -1, true, false, -1, 1);
    // Row 1 starts at tick 1; the frequency goes 220 + 220 * k / 4 for k = 0..3, then 440.
    assert.deepEqual(
      ticks(m, 6, (ram) => register(ram, 0).freq),
      [220, 220, 275, 330, 385, 440],
    );
  });

  it('P adds XY - 128 Hz to the frequency', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 57, sfx: 0, command: P, x: 8, y: 10 });
    putRow(m.ram, 2, 0, { note: 57, sfx: 0, command: P, x: 7, y: 0 });
    putTrack(m.ram, 0, { frames: [[1, 2, 0, 0]] });
    m.chip.music(0);
    m.chip.tick();
    assert.deepEqual([register(m.ram, 0).freq, register(m.ram, 1).freq], [450, 440 - 16]);
  });

  it('V adds a vibrato of depth Y Hz over 2X ticks', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 57, sfx: 0, command: V, x: 4, y: 15 });
    putTrack(m.ram, 0, { frames: [[1, 0, 0, 0]] });
    m.chip.music(0);
    // Period 8 ticks, steps of 4 entries of the 32-step sine: 0, 0.707, 1, 0.707, 0, ... times 15.
    assert.deepEqual(
      ticks(m, 9, (ram) => register(ram, 0).freq - 440),
      [0, 10, 15, 10, 0, -11, -15, -11, 0],
    );
  });

  it('D holds the row back until the first row change after XY ticks, in place of that row', () => {
    const m = setup();
    putRow(m.ram, 1, 0, { note: 45, sfx: 0, command: D, x: 0, y: 2 });
    putRow(m.ram, 1, 1, { note: 50, sfx: 0 });
    putRow(m.ram, 1, 2, { note: 52, sfx: 0 });
    putRow(m.ram, 2, 0, { note: 57, sfx: 0, command: D, x: 0, y: 0 });
    putTrack(m.ram, 0, { frames: [[1, 2, 0, 0]], speed: 3 });
    m.chip.music(0);
    const seen = ticks(m, 7, (ram) => [register(ram, 0).freq, register(ram, 1).freq]);
    assert.deepEqual(seen, [
      [0, 440],
      [0, 440],
      [0, 440],
      [220, 440],
      [220, 440],
      [220, 440],
      [NOTE_FREQS[52], 440],
    ]);
  });
});
