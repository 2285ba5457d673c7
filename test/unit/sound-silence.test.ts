// Silent channels and silent frames (reference §6.4): a channel muted for a while goes on counting
// its waveform phase or noise LFSR, so that it comes back where it would have been; a chip with
// nothing sounding renders zeros. Golden hashes of renders that mute and unmute, as the chip made
// them before silence was skipped.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { SOUND_REGISTERS_ADDR, STEREO_VOLUME_ADDR } from '../../runner/common/memory-map.js';
import { wavSampleBytes } from '../../runner/vm/sound/wav.js';
import { FRAME_SAMPLES, putSample, putWaveform, squareSawMachine } from './sound-fixture.js';

const REGISTER_BYTES = 18;

const sha256 = (samples: Int16Array): string => createHash('sha256').update(wavSampleBytes(samples)).digest('hex');

/** Frames of tick, pokes made during the frame, synthesis; all samples. */
function renderWith(frames: number, during: (ram: Uint8Array, f: number) => void): Int16Array {
  const { chip, ram } = squareSawMachine();
  putSample(ram, 1, { wave: 1, volume: 15 });
  putWaveform(ram, 5, Array<number>(32).fill(0));
  putSample(ram, 5, { wave: 5, volume: 15 });
  chip.sfx(1, 50, -1, 0, { left: 15, right: 15 }, 0);
  chip.sfx(0, 61, -1, 1, { left: 15, right: 6 }, 0);
  chip.sfx(5, 70, -1, 2, { left: 9, right: 15 }, 0);
  const frame = new Int16Array(2 * FRAME_SAMPLES);
  const audio = new Int16Array(2 * FRAME_SAMPLES * frames);
  for (let f = 0; f < frames; f++) {
    chip.tick();
    during(ram, f);
    chip.synthesize(frame);
    audio.set(frame, f * frame.length);
  }
  return audio;
}

/** Volume 0 in channel c's register for this frame. */
function muteRegister(ram: Uint8Array, c: number): void {
  ram[SOUND_REGISTERS_ADDR + REGISTER_BYTES * c + 1] &= 15;
}

describe('sound: silent channels', () => {
  it('tones and noise muted by register volume for a few frames come back in phase', () => {
    const audio = renderWith(40, (ram, f) => {
      if (f >= 5 && f < 12) muteRegister(ram, 0);
      if (f >= 8 && f < 19) muteRegister(ram, 2);
      if (f >= 10 && f < 13) muteRegister(ram, 1);
    });
    assert.equal(sha256(audio), '736108f0bfbb4afbff4c911e83835b25a583b8779f3121eeb53bdfd561454303');
  });

  it('channels muted by stereo volume, all at once, then heard again', () => {
    const audio = renderWith(60, (ram, f) => {
      if (f >= 10 && f < 45) ram.fill(0, STEREO_VOLUME_ADDR, STEREO_VOLUME_ADDR + 4);
    });
    assert.equal(sha256(audio), '9fd4dfbf0e0d88b7367409df12ff8ca64717d5a7cb31c59e63cb1bd549be7054');
  });

  it('a chip with nothing sounding renders zeros', () => {
    const { chip } = squareSawMachine();
    const frame = new Int16Array(2 * FRAME_SAMPLES).fill(7);
    for (let f = 0; f < 3; f++) {
      chip.tick();
      chip.synthesize(frame);
      assert.ok(
        frame.every((s) => s === 0),
        `frame ${f}`,
      );
    }
  });
});
