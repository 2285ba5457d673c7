// The Music editor's reads and writes, checked against the bytes TIC-80 keeps in a cart (reference
// 6.5): tracks of 51 bytes (16 frames x 3 bytes of four 6-bit pattern ids, then tempo, rows and
// speed), patterns of 64 rows x 3 bytes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { CART_SECTION_BYTES } from '../../runner/common/protocol.js';
import {
  COMMAND_LETTERS,
  NOTE_OFF,
  patternId,
  patternRow,
  setPatternId,
  setPatternRow,
  setTrackSettings,
  trackSettings,
  type PatternRow,
} from '../../renderer/editors/music/music-data.js';

const newTracks = (): Uint8Array => new Uint8Array(CART_SECTION_BYTES.tracks);
const newPatterns = (): Uint8Array => new Uint8Array(CART_SECTION_BYTES.patterns);
/** Indices of the non-zero bytes. */
const touched = (bytes: Uint8Array): number[] => [...bytes.keys()].filter((i) => bytes[i] !== 0);

describe('music data: frames of a track', () => {
  it('packs the four channels of a frame as 6-bit ids in a 24-bit little-endian value', () => {
    const tracks = newTracks();
    setPatternId(tracks, 0, 0, 0, 1);
    setPatternId(tracks, 0, 0, 1, 2);
    setPatternId(tracks, 0, 0, 2, 3);
    setPatternId(tracks, 0, 0, 3, 60);
    // 1 | 2 << 6 | 3 << 12 | 60 << 18 = 0xF03081
    assert.deepEqual([...tracks.subarray(0, 3)], [0x81, 0x30, 0xf0]);
    assert.deepEqual(
      [0, 1, 2, 3].map((c) => patternId(tracks, 0, 0, c)),
      [1, 2, 3, 60],
    );
  });

  it('puts track t, frame f at byte 51t + 3f and changes no other byte', () => {
    const tracks = newTracks();
    setPatternId(tracks, 7, 15, 3, 63);
    assert.deepEqual(touched(tracks), [51 * 7 + 45 + 2]);
    assert.equal(tracks[51 * 7 + 45 + 2], 63 << 2);
  });

  it('replaces one channel without changing the other three', () => {
    const tracks = newTracks();
    tracks.set([0xff, 0xff, 0xff], 51 * 2 + 3 * 4);
    setPatternId(tracks, 2, 4, 1, 0);
    assert.deepEqual(
      [0, 1, 2, 3].map((c) => patternId(tracks, 2, 4, c)),
      [63, 0, 63, 63],
    );
    assert.deepEqual([...tracks.subarray(51 * 2 + 12, 51 * 2 + 15)], [0x3f, 0xf0, 0xff]);
  });
});

describe('music data: track tempo, speed and rows', () => {
  it('reads an all-zero track as TIC-80 does: tempo 150, speed 6, 64 rows', () => {
    assert.deepEqual(trackSettings(newTracks(), 3), { tempo: 150, speed: 6, rows: 64 });
  });

  it('stores tempo and speed as signed offsets from 150 and 6, and rows as 64 minus the length', () => {
    const tracks = newTracks();
    setTrackSettings(tracks, 1, { tempo: 40, speed: 31, rows: 1 });
    assert.deepEqual([...tracks.subarray(51 + 48, 51 + 51)], [0x92, 63, 25], 'tempo -110, rows 63, speed +25');
    setTrackSettings(tracks, 2, { tempo: 250, speed: 1, rows: 64 });
    assert.deepEqual([...tracks.subarray(102 + 48, 102 + 51)], [100, 0, 0xfb], 'tempo +100, rows 0, speed -5');
    assert.deepEqual(trackSettings(tracks, 1), { tempo: 40, speed: 31, rows: 1 });
    assert.deepEqual(trackSettings(tracks, 2), { tempo: 250, speed: 1, rows: 64 });
    assert.deepEqual(touched(tracks.subarray(0, 51)), [], 'track 0 is untouched');
  });
});

describe('music data: pattern rows', () => {
  it('encodes a row as TIC-80 lays it out: note and X, then Y, command and sfx bit 5, then sfx and octave', () => {
    const patterns = newPatterns();
    // A-4 (note 4 + 9, octave index 3) on sfx 37, command V (6) with X = 10, Y = 5.
    const row: PatternRow = { note: 13, octave: 3, sfx: 37, command: 6, x: 10, y: 5 };
    setPatternRow(patterns, 2, 3, row);
    const at = 192 * (2 - 1) + 3 * 3;
    assert.deepEqual(touched(patterns), [at, at + 1, at + 2], 'pattern id 2 is the second 192-byte pattern');
    assert.deepEqual([...patterns.subarray(at, at + 3)], [0xad, 0xe5, 0x65]);
    assert.deepEqual(patternRow(patterns, 2, 3), row);
    assert.equal(COMMAND_LETTERS[row.command], 'V');
  });

  it('reads a note-off row written by TIC-80 and every sfx id from 0 to 63', () => {
    const patterns = newPatterns();
    patterns.set([NOTE_OFF, 0, 0], 192 * 59 + 3 * 63);
    assert.deepEqual(patternRow(patterns, 60, 63), { note: NOTE_OFF, octave: 0, sfx: 0, command: 0, x: 0, y: 0 });
    for (let sfx = 0; sfx < 64; sfx++) {
      setPatternRow(patterns, 1, 0, { note: 4, octave: 7, sfx, command: 0, x: 0, y: 0 });
      assert.equal(patternRow(patterns, 1, 0).sfx, sfx);
      assert.equal(patterns[2] >> 5, 7, 'the octave keeps the top 3 bits');
    }
  });
});
