// Synthesis (reference §6.4): rendered audio of small sound setups, checked for pitch, silence,
// stereo, noise, PCM and determinism, plus golden hashes of a few fixed setups.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import type { SoundChip } from '../../runner/vm/sound/sound-chip.js';
import { wavSampleBytes } from '../../runner/vm/sound/wav.js';
import {
  FRAME_SAMPLES,
  bandPowers,
  measureFrequency,
  peak,
  putRow,
  putSample,
  putTrack,
  putWaveform,
  render,
  rms,
  side,
  squareSawMachine,
} from './sound-fixture.js';

const FULL = { left: 15, right: 15 };

/** squareSawMachine, with sample 1 = saw at full volume too. */
function setup() {
  const m = squareSawMachine();
  putSample(m.ram, 1, { wave: 1, volume: 15 });
  return m;
}

/** The tone the chip really plays for a register frequency f: 32 steps of floor(65280 / f) - 1 clocks. */
const chipHz = (f: number): number => 2088960 / (32 * (Math.floor(65280 / f) - 1));

const sha256 = (samples: Int16Array): string => createHash('sha256').update(wavSampleBytes(samples)).digest('hex');

describe('sound: synthesis', () => {
  it('plays A-5 at 440 Hz within 1 % (the chip rounds it to a 147-clock step)', () => {
    const { chip } = setup();
    chip.sfx(0, 57, -1, 0, FULL, 0);
    const audio = render(chip, 40);
    const hz = measureFrequency(side(audio, 0, 5 * FRAME_SAMPLES));
    assert.ok(Math.abs(hz / 440 - 1) < 0.01, `measured ${hz} Hz`);
    assert.ok(Math.abs(hz / chipHz(440) - 1) < 0.001, `measured ${hz} Hz, chip tone ${chipHz(440)} Hz`);
    assert.ok(peak(side(audio, 0, 5 * FRAME_SAMPLES)) > 2000, 'audible');
  });

  it('follows the note: A-4, E-6 and C-3 on a saw wave', () => {
    const { chip } = setup();
    for (const note of [45, 64, 24]) {
      chip.sfx(1, note, -1, 1, FULL, 0);
      const audio = render(chip, 30);
      const f = [220, 659, 65][[45, 64, 24].indexOf(note)];
      const hz = measureFrequency(side(audio, 1, 5 * FRAME_SAMPLES));
      assert.ok(Math.abs(hz / chipHz(f) - 1) < 0.002, `note ${note}: measured ${hz} Hz, expected ${chipHz(f)}`);
    }
  });

  it('keeps the phase across frames: the pitch is exact over many frame boundaries', () => {
    const { chip, ram } = setup();
    chip.sfx(0, 69, -1, 0, FULL, 0);
    const audio = render(chip, 120);
    const hz = measureFrequency(side(audio, 0, 5 * FRAME_SAMPLES));
    assert.ok(Math.abs(hz / chipHz(880) - 1) < 0.0005, `measured ${hz} Hz`);
    assert.equal(ram[0x0ff9c], 880 & 255);
  });

  it('falls silent once the duration is over: every sample of the last frames is 0', () => {
    const { chip } = setup();
    chip.sfx(0, 57, 10, 0, FULL, 0);
    const audio = render(chip, 60);
    assert.ok(peak(side(audio, 0, 2 * FRAME_SAMPLES).subarray(0, 5 * FRAME_SAMPLES)) > 2000, 'sounds first');
    const tail = audio.subarray(2 * 50 * FRAME_SAMPLES);
    assert.ok(
      tail.every((s) => s === 0),
      'silent after the high-pass has settled',
    );
  });

  it('falls silent after a music note-off', () => {
    const { chip, ram } = setup();
    putRow(ram, 1, 0, { note: 57, sfx: 0 });
    putRow(ram, 1, 1, { note: 'off' });
    putTrack(ram, 0, { frames: [[1, 0, 0, 0]], speed: 18 });
    chip.music(0);
    // 18 ticks per row: the note sounds for frames 0..17, the note-off comes at frame 18.
    const audio = render(chip, 60);
    assert.ok(peak(side(audio, 0, 2 * FRAME_SAMPLES).subarray(0, 10 * FRAME_SAMPLES)) > 2000);
    assert.ok(audio.subarray(2 * 40 * FRAME_SAMPLES).every((s) => s === 0));
  });

  it('mutes one side: a muted left keeps the left output at exactly 0', () => {
    const { chip, ram } = setup();
    putSample(ram, 2, { wave: 0, volume: 15, muteLeft: true });
    putSample(ram, 3, { wave: 0, volume: 15, muteRight: true });
    chip.sfx(2, 57, -1, 0, FULL, 0);
    let audio = render(chip, 10);
    assert.ok(
      side(audio, 0).every((s) => s === 0),
      'left silent',
    );
    assert.ok(peak(side(audio, 1)) > 2000, 'right plays');

    const other = setup();
    putSample(other.ram, 3, { wave: 0, volume: 15, muteRight: true });
    other.chip.sfx(3, 57, -1, 0, FULL, 0);
    audio = render(other.chip, 10);
    assert.ok(
      side(audio, 1).every((s) => s === 0),
      'right silent',
    );
    assert.ok(peak(side(audio, 0)) > 2000, 'left plays');
  });

  it('scales each side by its stereo volume', () => {
    const { chip, ram } = setup();
    putRow(ram, 1, 0, { note: 57, sfx: 0, command: 1, x: 15, y: 5 });
    putTrack(ram, 0, { frames: [[1, 0, 0, 0]] });
    chip.music(0);
    const audio = render(chip, 20);
    const ratio = rms(side(audio, 1, 5 * FRAME_SAMPLES)) / rms(side(audio, 0, 5 * FRAME_SAMPLES));
    assert.ok(Math.abs(ratio - 5 / 15) < 0.01, `right/left = ${ratio}`);
  });

  it('plays noise for an empty waveform: spectrally broad, and the same on every run', () => {
    const renderNoise = (wave: number[]): Int16Array => {
      const { chip, ram } = setup();
      putWaveform(ram, 2, wave);
      putSample(ram, 2, { wave: 2, volume: 15 });
      chip.sfx(2, 84, -1, 0, FULL, 0);
      return render(chip, 12);
    };
    const noise = renderNoise(Array<number>(32).fill(0));
    const signal = side(noise, 0, 4 * FRAME_SAMPLES).subarray(0, 2048);
    const bands = bandPowers(signal, 8);
    const total = bands.reduce((a, b) => a + b, 0);
    // Bands of 2.8 kHz up to 16.5 kHz: each holds a real share of the power.
    bands.slice(0, 6).forEach((p, i) => assert.ok(p / total > 0.05, `band ${i} has ${((100 * p) / total).toFixed(1)} %`));
    assert.deepEqual(renderNoise(Array<number>(32).fill(0)), noise, 'deterministic');
    const metallic = renderNoise(Array<number>(32).fill(15));
    assert.notDeepEqual(metallic, noise, 'all-15 waveforms use the short LFSR');
    assert.ok(peak(side(metallic, 0, 4 * FRAME_SAMPLES)) > 2000);

    const tone = setup();
    tone.chip.sfx(0, 60, -1, 0, FULL, 0);
    const toneBands = bandPowers(side(render(tone.chip, 12), 0, 4 * FRAME_SAMPLES).subarray(0, 2048), 8);
    const toneTotal = toneBands.reduce((a, b) => a + b, 0);
    assert.ok(toneBands[0] / toneTotal > 0.9, 'a square tone keeps its power low');
  });

  it('plays the PCM bytes poked during the frame, 272 clocks each, on both sides', () => {
    const { chip, ram } = setup();
    const frame = new Int16Array(2 * FRAME_SAMPLES);
    const audio = new Int16Array(2 * FRAME_SAMPLES * 30);
    for (let f = 0; f < 30; f++) {
      chip.tick();
      // 8 bytes high, 8 low: a 16-byte period of 16 * 272 clocks = 480 Hz.
      for (let i = 0; i < 128; i++) ram[0x14e24 + i] = (i >> 3) & 1 ? 0 : 255;
      chip.synthesize(frame);
      audio.set(frame, f * frame.length);
    }
    const left = side(audio, 0, 5 * FRAME_SAMPLES);
    assert.ok(Math.abs(measureFrequency(left) / 480 - 1) < 0.002, `measured ${measureFrequency(left)} Hz`);
    assert.deepEqual(side(audio, 1), side(audio, 0), 'same on both sides');
    assert.ok(peak(left) > 2000);
  });

  it('synthesizes the registers as poked during the frame, not as the tick left them', () => {
    const { chip, ram } = setup();
    const frame = new Int16Array(2 * FRAME_SAMPLES);
    const audio = new Int16Array(2 * FRAME_SAMPLES * 30);
    for (let f = 0; f < 30; f++) {
      chip.tick();
      // Register 3: 330 Hz, volume 15, square; stereo left only.
      ram[0x0ff9c + 54] = 330 & 255;
      ram[0x0ff9c + 55] = (330 >> 8) | (15 << 4);
      for (let i = 0; i < 16; i++) ram[0x0ff9c + 56 + i] = i < 8 ? 0xff : 0;
      ram[0x14003] = 0x0f;
      chip.synthesize(frame);
      audio.set(frame, f * frame.length);
    }
    const hz = measureFrequency(side(audio, 0, 5 * FRAME_SAMPLES));
    assert.ok(Math.abs(hz / chipHz(330) - 1) < 0.002, `measured ${hz} Hz`);
    assert.ok(side(audio, 1).every((s) => s === 0));
  });

  it('rejects an output buffer shorter than one frame', () => {
    const { chip } = setup();
    assert.throws(() => chip.synthesize(new Int16Array(1000)), RangeError);
  });
});

describe('sound: golden renders', () => {
  interface Setup {
    frames: number;
    start: (chip: SoundChip, ram: Uint8Array) => void;
    /** Pokes made during frame f (after the tick). */
    during?: (ram: Uint8Array, f: number) => void;
  }

  const golden = (name: string, setupRender: Setup, hash: string): void => {
    it(name, () => {
      const { chip, ram } = setup();
      setupRender.start(chip, ram);
      const frame = new Int16Array(2 * FRAME_SAMPLES);
      const audio = new Int16Array(2 * FRAME_SAMPLES * setupRender.frames);
      for (let f = 0; f < setupRender.frames; f++) {
        chip.tick();
        setupRender.during?.(ram, f);
        chip.synthesize(frame);
        audio.set(frame, f * frame.length);
      }
      assert.equal(sha256(audio), hash);
    });
  };

  golden(
    'a square A-5 sfx for 30 frames',
    { frames: 30, start: (chip) => chip.sfx(0, 57, -1, 0, FULL, 0) },
    '39f3a4c0f2af6ff88a12cbaf2b6d3611a458db46c1d2da8eef1b4501c5d1d01d',
  );

  golden(
    'a two-channel tune with chord, vibrato, slide and note-off for 90 frames',
    {
      frames: 90,
      start: (chip, ram) => {
        putSample(ram, 4, {
          wave: [1, 1, 0],
          volume: [15, 12, 10, 8],
          loops: [
            [0, 0],
            [1, 3],
            [0, 0],
            [0, 0],
          ],
        });
        putRow(ram, 1, 0, { note: 45, sfx: 4, command: 2, x: 4, y: 7 });
        putRow(ram, 1, 4, { note: 52, sfx: 4, command: 6, x: 3, y: 9 });
        putRow(ram, 1, 8, { note: 'off' });
        putRow(ram, 2, 0, { note: 33, sfx: 0, command: 1, x: 15, y: 6 });
        putRow(ram, 2, 6, { note: 40, sfx: 0, command: 4, x: 0, y: 8 });
        putTrack(ram, 0, { frames: [[1, 2, 0, 0]], rows: 12, speed: 4 });
        chip.music(0);
      },
    },
    '0b4fe9df8f2ba6220d3728cfd195761adfc0a7dd3f91284368e6469dd841b893',
  );

  golden(
    'fading noise on channel 2 over a PCM ramp for 20 frames',
    {
      frames: 20,
      start: (chip, ram) => {
        putWaveform(ram, 5, Array<number>(32).fill(0));
        putSample(ram, 5, { wave: 5, volume: [15, 13, 11, 9, 7, 5, 3, 1, 0] });
        chip.sfx(5, 80, -1, 2, { left: 15, right: 8 }, 0);
      },
      during: (ram, f) => {
        for (let i = 0; i < 128; i++) ram[0x14e24 + i] = (2 * i + 16 * f) & 255;
      },
    },
    '4a2f9169f5dd0bddf50e24ae934a049993811209b9d0ac90198ada8fc0e8893d',
  );
});
