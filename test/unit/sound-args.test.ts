// The Lua argument rules of sfx() and music() (reference §1.3, quirks 2, 3 and 4).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SOUND_ERRORS, parseNote, resolveMusicArgs, resolveSfxArgs } from '../../runner/vm/sound/sound-args.js';
import { putSample, soundMachine } from './sound-fixture.js';

/** RAM with sample 7: note D (2), octave 3, speed -2. */
function ram(): Uint8Array {
  const m = soundMachine();
  putSample(m.ram, 7, { note: 2, octave: 3, speed: -2 });
  return m.ram;
}

describe('sound: parseNote', () => {
  it('reads 1-based octaves (quirk 4): "A-5" is index 57 (440 Hz), "D-2" is 14, "C#4" is 37', () => {
    assert.equal(parseNote('A-5', 0), 57);
    assert.equal(parseNote('D-2', 0), 14);
    assert.equal(parseNote('C#4', 0), 37);
    assert.equal(parseNote('B-8', 0), 95);
  });

  it('keeps the fallback for an unknown name and rejects any text not 3 bytes long', () => {
    assert.equal(parseNote('H-4', 50), 50);
    assert.equal(parseNote('c-4', 50), 50, 'names are case-sensitive');
    assert.equal(parseNote('C-', 50), null);
    assert.equal(parseNote('C#10', 50), null);
    assert.equal(parseNote('14.0', 50), null);
  });

  it('does not check the octave byte: "C-0" is octave -1', () => {
    assert.equal(parseNote('C-0', 0), -12);
  });
});

describe('sound: resolveSfxArgs', () => {
  it('takes note, speed and full volume from the sample, channel 0 and endless duration by default', () => {
    assert.deepEqual(resolveSfxArgs(ram(), { count: 1, id: 7 }), {
      ok: true,
      call: { id: 7, note: 38, duration: -1, channel: 0, volume: { left: 15, right: 15 }, speed: -2 },
    });
  });

  it('reads the later arguments in order', () => {
    const r = resolveSfxArgs(ram(), {
      count: 6,
      id: 7,
      note: 'A-5',
      duration: 30,
      channel: 3,
      volume: { kind: 'number', value: 0x1a },
      speed: 2,
    });
    assert.deepEqual(r, {
      ok: true,
      call: { id: 7, note: 57, duration: 30, channel: 3, volume: { left: 10, right: 10 }, speed: 2 },
    });
  });

  it('takes an integer note as it is: -1 is note index -1, not the default (quirk 3)', () => {
    const r = resolveSfxArgs(ram(), { count: 2, id: 7, note: -1 });
    assert.equal(r.ok && r.call.note, -1);
  });

  it('keeps the default note for nil and for unknown names; fails on floats, which arrive as text', () => {
    const nil = resolveSfxArgs(ram(), { count: 2, id: 7 });
    assert.equal(nil.ok && nil.call.note, 38);
    const unknown = resolveSfxArgs(ram(), { count: 2, id: 7, note: 'X-4' });
    assert.equal(unknown.ok && unknown.call.note, 38);
    assert.deepEqual(resolveSfxArgs(ram(), { count: 2, id: 7, note: '14.0' }), { ok: false, error: SOUND_ERRORS.note });
  });

  it('stores the type codes of a volume table instead of its values (quirk 2)', () => {
    const r = resolveSfxArgs(ram(), {
      count: 5,
      id: 7,
      note: 57,
      duration: -1,
      channel: 0,
      volume: { kind: 'table', entryTypes: [3, 0] },
    });
    assert.deepEqual(r.ok && r.call.volume, { left: 3, right: 0 });
  });

  it('reads a nil argument inside the count as 0', () => {
    const r = resolveSfxArgs(ram(), { count: 6, id: 7, note: 57 });
    assert.deepEqual(r.ok && [r.call.duration, r.call.channel, r.call.volume, r.call.speed], [0, 0, { left: 0, right: 0 }, 0]);
  });

  it('raises TIC-80 errors for a missing id, ids past 63 and channels outside 0..3', () => {
    assert.deepEqual(resolveSfxArgs(ram(), { count: 0, id: 0 }), { ok: false, error: 'invalid sfx params' });
    assert.deepEqual(resolveSfxArgs(ram(), { count: 1, id: 64 }), { ok: false, error: 'unknown sfx index' });
    assert.deepEqual(resolveSfxArgs(ram(), { count: 4, id: 7, note: 57, duration: -1, channel: 4 }), {
      ok: false,
      error: 'unknown channel',
    });
    assert.equal(SOUND_ERRORS.note, 'invalid note, should be like C#4');
  });

  it('accepts id -1 (stop) on a valid channel', () => {
    const r = resolveSfxArgs(ram(), { count: 4, id: -1, note: undefined, duration: -1, channel: 2 });
    assert.deepEqual(r.ok && [r.call.id, r.call.channel], [-1, 2]);
  });
});

describe('sound: resolveMusicArgs', () => {
  it('stops with no arguments and fills the defaults otherwise', () => {
    assert.deepEqual(resolveMusicArgs({ count: 0 }), {
      ok: true,
      call: { track: -1, frame: -1, row: -1, loop: true, sustain: false, tempo: -1, speed: -1 },
    });
    assert.deepEqual(resolveMusicArgs({ count: 1, track: 3 }), {
      ok: true,
      call: { track: 3, frame: -1, row: -1, loop: true, sustain: false, tempo: -1, speed: -1 },
    });
  });

  it('reads all seven arguments, with nil as 0 or false', () => {
    assert.deepEqual(resolveMusicArgs({ count: 7, track: 1, frame: 2, row: 3, loop: false, sustain: true, tempo: 120, speed: 4 }), {
      ok: true,
      call: { track: 1, frame: 2, row: 3, loop: false, sustain: true, tempo: 120, speed: 4 },
    });
    assert.deepEqual(resolveMusicArgs({ count: 4, track: 1 }), {
      ok: true,
      call: { track: 1, frame: 0, row: 0, loop: false, sustain: false, tempo: -1, speed: -1 },
    });
  });

  it('raises an error for a track past 7', () => {
    assert.deepEqual(resolveMusicArgs({ count: 1, track: 8 }), { ok: false, error: 'invalid music track index' });
  });
});
