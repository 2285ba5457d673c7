// The SFX editor's reads and writes, checked against the bytes TIC-80 keeps in a cart (reference
// 6.2): waveforms of 32 nibbles, low nibble first, and samples of 66 bytes (30 ticks x 2 envelope
// bytes, then flags, note, and four loop bytes).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { CART_SECTION_BYTES } from '../../runner/common/protocol.js';
import {
  Envelope,
  envelopeLevel,
  levelValue,
  loopOf,
  sampleNoteIndex,
  sampleSettings,
  setEnvelopeLevel,
  setLoop,
  setSampleSettings,
  setWaveLevel,
  waveLevel,
  type SampleSettings,
} from '../../renderer/editors/sfx/sfx-data.js';

const newSfx = (): Uint8Array => new Uint8Array(CART_SECTION_BYTES.sfx);
/** Indices of the non-zero bytes. */
const touched = (bytes: Uint8Array): number[] => [...bytes.keys()].filter((i) => bytes[i] !== 0);

describe('sfx data: waveforms', () => {
  it('stores sample 2k in the low nibble and 2k + 1 in the high nibble of byte k of the wave', () => {
    const waves = new Uint8Array(CART_SECTION_BYTES.waveforms);
    setWaveLevel(waves, 3, 4, 0x9);
    setWaveLevel(waves, 3, 5, 0xc);
    setWaveLevel(waves, 3, 31, 0xf);
    assert.deepEqual(touched(waves), [16 * 3 + 2, 16 * 3 + 15]);
    assert.equal(waves[16 * 3 + 2], 0xc9);
    assert.equal(waves[16 * 3 + 15], 0xf0);
    assert.deepEqual([waveLevel(waves, 3, 4), waveLevel(waves, 3, 5), waveLevel(waves, 3, 31)], [0x9, 0xc, 0xf]);
  });
});

describe('sfx data: envelopes', () => {
  it('shows a zeroed sample as TIC-80 plays it: wave 0, full volume, no arpeggio, pitch offset 0', () => {
    const sfx = newSfx();
    const levels = [Envelope.Wave, Envelope.Volume, Envelope.Arpeggio, Envelope.Pitch].map((e) => envelopeLevel(sfx, 5, e, 0));
    assert.deepEqual(levels, [0, 15, 0, 8]);
    assert.equal(levelValue(Envelope.Pitch, 8), 0);
    assert.equal(levelValue(Envelope.Volume, 15), 15);
  });

  it('writes tick t of sample id at bytes 66 id + 2t: wave high, inverted volume low, then pitch high, arpeggio low', () => {
    const sfx = newSfx();
    setEnvelopeLevel(sfx, 2, Envelope.Wave, 7, 0xa);
    setEnvelopeLevel(sfx, 2, Envelope.Volume, 7, 12);
    setEnvelopeLevel(sfx, 2, Envelope.Arpeggio, 7, 0x4);
    setEnvelopeLevel(sfx, 2, Envelope.Pitch, 7, 5);
    const at = 66 * 2 + 2 * 7;
    assert.deepEqual(touched(sfx), [at, at + 1]);
    assert.equal(sfx[at], 0xa3, 'wave 10, volume 12 stored as 15 - 12 = 3');
    assert.equal(sfx[at + 1], 0xd4, 'pitch -3 stored as the signed nibble 0xd, arpeggio 4');
    assert.equal(levelValue(Envelope.Pitch, envelopeLevel(sfx, 2, Envelope.Pitch, 7)), -3);
    assert.equal(envelopeLevel(sfx, 2, Envelope.Volume, 7), 12);
  });
});

describe('sfx data: loops', () => {
  it('keeps one loop byte per envelope after the flags and note bytes: start low, size high', () => {
    const sfx = newSfx();
    setLoop(sfx, 1, Envelope.Volume, { start: 3, size: 9 });
    setLoop(sfx, 1, Envelope.Pitch, { start: 15, size: 1 });
    assert.deepEqual(touched(sfx), [66 + 63, 66 + 65]);
    assert.deepEqual([sfx[66 + 63], sfx[66 + 65]], [0x93, 0x1f]);
    assert.deepEqual(loopOf(sfx, 1, Envelope.Volume), { start: 3, size: 9 });
    assert.deepEqual(loopOf(sfx, 1, Envelope.Wave), { start: 0, size: 0 });
  });
});

describe('sfx data: sample settings', () => {
  it('encodes octave, pitch x16, signed speed and reverse in byte 60, note and mutes in byte 61', () => {
    const sfx = newSfx();
    const settings: SampleSettings = { speed: -3, octave: 5, note: 9, pitch16x: true, reverse: true, muteLeft: false, muteRight: true };
    setSampleSettings(sfx, 63, settings);
    const at = 66 * 63;
    assert.deepEqual([sfx[at + 60], sfx[at + 61]], [0x80 | (5 << 4) | 8 | 5, 0x20 | 9], 'speed -3 is the 3-bit value 5');
    assert.deepEqual(sampleSettings(sfx, 63), settings);
    assert.equal(sampleNoteIndex(settings), 9 + 12 * 5);
  });

  it('reads every speed from -4 to 3 back as written', () => {
    const sfx = newSfx();
    for (let speed = -4; speed <= 3; speed++) {
      setSampleSettings(sfx, 0, { speed, octave: 0, note: 0, pitch16x: false, reverse: false, muteLeft: false, muteRight: false });
      assert.equal(sampleSettings(sfx, 0).speed, speed);
    }
  });

  it("keeps the unused top bits of the cart's note byte", () => {
    const sfx = newSfx();
    sfx[61] = 0xc0;
    setSampleSettings(sfx, 0, { speed: 0, octave: 4, note: 11, pitch16x: false, reverse: false, muteLeft: true, muteRight: false });
    assert.equal(sfx[61], 0xc0 | 0x10 | 11);
  });
});
