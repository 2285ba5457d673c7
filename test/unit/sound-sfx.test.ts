// The per-frame sfx step (reference §6.3, §1.3): what the sound tick writes into the registers,
// the stereo bytes and the sfx state after sfx() calls.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOTE_FREQS } from '../../runner/vm/sound/note-freqs.js';
import { SAW, SQUARE, putRow, putSample, putTrack, register, sfxState, squareSawMachine, stereo } from './sound-fixture.js';

const FULL = { left: 15, right: 15 };

describe('sound: note frequency table', () => {
  it('has 104 notes from 16 Hz, with index 45 = 220 Hz and 57 = 440 Hz', () => {
    assert.equal(NOTE_FREQS.length, 104);
    assert.equal(NOTE_FREQS[0], 16);
    assert.equal(NOTE_FREQS[45], 220);
    assert.equal(NOTE_FREQS[57], 440);
    assert.equal(NOTE_FREQS[103], 6272);
  });
});

describe('sound: sfx()', () => {
  it('is heard from the next tick: frequency, volume, waveform, stereo and envelope steps', () => {
    const { chip, ram } = squareSawMachine();
    chip.sfx(0, 57, -1, 2, FULL, 0);
    assert.deepEqual(register(ram, 2), { freq: 0, volume: 0, wave: Array<number>(32).fill(0) }, 'nothing before the tick');
    assert.deepEqual(sfxState(ram, 2), [-1, -1, -1, -1]);
    chip.tick();
    assert.deepEqual(register(ram, 2), { freq: 440, volume: 15, wave: SQUARE });
    assert.deepEqual(stereo(ram, 2), { left: 15, right: 15 });
    assert.deepEqual(sfxState(ram, 2), [0, 0, 0, 0]);
    chip.tick();
    assert.deepEqual(sfxState(ram, 2), [1, 1, 1, 1]);
    assert.equal(register(ram, 0).volume, 0, 'other channels stay silent');
  });

  it('stops the channel with id -1: the sfx state is -1 at once, the register zero from the next tick', () => {
    const { chip, ram } = squareSawMachine();
    chip.sfx(0, 57, -1, 1, FULL, 0);
    chip.tick();
    chip.sfx(-1, 0, -1, 1, FULL, 0);
    assert.deepEqual(sfxState(ram, 1), [-1, -1, -1, -1]);
    assert.equal(register(ram, 1).volume, 15, 'this frame was already computed');
    chip.tick();
    assert.deepEqual(register(ram, 1), { freq: 0, volume: 0, wave: Array<number>(32).fill(0) });
    assert.equal(ram[0x14000 + 1], 0xff, 'idle channels keep the stereo byte at 0xFF');
  });

  it('counts the duration down before playing, so duration n sounds for n - 1 ticks', () => {
    const { chip, ram } = squareSawMachine();
    chip.sfx(0, 57, 3, 0, FULL, 0);
    const volumes: number[] = [];
    for (let f = 0; f < 5; f++) {
      chip.tick();
      volumes.push(register(ram, 0).volume);
    }
    assert.deepEqual(volumes, [15, 15, 0, 0, 0]);
    assert.deepEqual(sfxState(ram, 0), [-1, -1, -1, -1]);
  });

  it('reads the volume envelope inverted and leaves the register zero while it is 0', () => {
    const { chip, ram } = squareSawMachine();
    putSample(ram, 3, { wave: 0, volume: [15, 7, 0, 4] });
    chip.sfx(3, 57, -1, 0, FULL, 0);
    const seen: number[][] = [];
    for (let f = 0; f < 4; f++) {
      chip.tick();
      seen.push([register(ram, 0).volume, register(ram, 0).freq]);
    }
    assert.deepEqual(seen, [
      [15, 440],
      [7, 440],
      [0, 0],
      [4, 440],
    ]);
  });

  it('adds the arpeggio in semitones, or subtracts it when reversed', () => {
    const { chip, ram } = squareSawMachine();
    putSample(ram, 1, { volume: 15, arpeggio: [0, 12, 7] });
    putSample(ram, 2, { volume: 15, arpeggio: [0, 12, 7], reverse: true });
    chip.sfx(1, 45, -1, 0, FULL, 0);
    chip.sfx(2, 45, -1, 1, FULL, 0);
    const freqs: number[][] = [];
    for (let f = 0; f < 3; f++) {
      chip.tick();
      freqs.push([register(ram, 0).freq, register(ram, 1).freq]);
    }
    assert.deepEqual(freqs, [
      [NOTE_FREQS[45], NOTE_FREQS[45]],
      [NOTE_FREQS[57], NOTE_FREQS[33]],
      [NOTE_FREQS[52], NOTE_FREQS[38]],
    ]);
  });

  it('clamps the played note to the table: -1 plays the lowest note (quirk 3), 200 the highest', () => {
    const { chip, ram } = squareSawMachine();
    chip.sfx(0, -1, -1, 0, FULL, 0);
    chip.sfx(0, 200, -1, 1, FULL, 0);
    chip.tick();
    assert.equal(register(ram, 0).freq, NOTE_FREQS[0]);
    assert.equal(register(ram, 1).freq, NOTE_FREQS[103] - 4096, 'the highest note, 6272 Hz, wraps in 12 bits');
  });

  it('adds the pitch envelope in Hz (x16 with pitch16x) and wraps the frequency to 12 bits', () => {
    const { chip, ram } = squareSawMachine();
    putSample(ram, 1, { volume: 15, pitch: [3, -8] });
    putSample(ram, 2, { volume: 15, pitch: [3, -8], pitch16x: true });
    putSample(ram, 3, { volume: 15, pitch: 7, pitch16x: true });
    chip.sfx(1, 57, -1, 0, FULL, 0);
    chip.sfx(2, 57, -1, 1, FULL, 0);
    chip.sfx(3, 103, -1, 2, FULL, 0);
    chip.tick();
    assert.deepEqual([register(ram, 0).freq, register(ram, 1).freq], [443, 488]);
    assert.equal(register(ram, 2).freq, (6272 + 112) % 4096, 'wraps modulo 4096');
    chip.tick();
    assert.deepEqual([register(ram, 0).freq, register(ram, 1).freq], [432, 312]);
  });

  it('walks the envelopes faster with a positive speed and slower with a negative one', () => {
    const { chip, ram } = squareSawMachine();
    putSample(ram, 1, { volume: 15, speed: 2 });
    chip.sfx(1, 57, -1, 0, FULL, 99);
    chip.sfx(1, 57, -1, 1, FULL, -2);
    const steps: number[][] = [];
    for (let f = 0; f < 4; f++) {
      chip.tick();
      steps.push([sfxState(ram, 0)[0], sfxState(ram, 1)[0]]);
    }
    // Channel 0: speed 99 does not fit 3 bits, so the sample's speed 2 applies (pos = tick * 3).
    assert.deepEqual(steps, [
      [0, 0],
      [3, 0],
      [6, 0],
      [9, 1],
    ]);
  });

  it('stops at the last step without a loop and cycles through the loop with one', () => {
    const { chip, ram } = squareSawMachine();
    putSample(ram, 1, {
      volume: 15,
      speed: 3,
      loops: [
        [0, 0],
        [2, 3],
        [0, 0],
        [0, 1],
      ],
    });
    chip.sfx(1, 57, -1, 0, FULL, 3);
    const steps: number[][] = [];
    for (let f = 0; f < 9; f++) {
      chip.tick();
      steps.push(sfxState(ram, 0));
    }
    // pos = 4 * tick. Volume loop start 2 size 3: 0 1 2 3 4 2 3 4 ...; pitch loop [0, 1] stays at 0.
    assert.deepEqual(
      steps.map((s) => s[0]),
      [0, 4, 8, 12, 16, 20, 24, 28, 29],
    );
    assert.deepEqual(
      steps.map((s) => s[1]),
      [0, 4, 2, 3, 4, 2, 3, 4, 2],
    );
    assert.deepEqual(
      steps.map((s) => s[3]),
      Array<number>(9).fill(0),
    );
  });

  it('copies the waveform chosen by the wave envelope', () => {
    const { chip, ram } = squareSawMachine();
    putSample(ram, 1, { volume: 15, wave: [0, 1] });
    chip.sfx(1, 57, -1, 0, FULL, 0);
    chip.tick();
    assert.deepEqual(register(ram, 0).wave, SQUARE);
    chip.tick();
    assert.deepEqual(register(ram, 0).wave, SAW);
  });

  it('writes the channel volumes to the stereo byte, zeroing a muted side', () => {
    const { chip, ram } = squareSawMachine();
    putSample(ram, 1, { volume: 15, muteLeft: true });
    putSample(ram, 2, { volume: 15, muteRight: true });
    chip.sfx(0, 57, -1, 0, { left: 9, right: 4 }, 0);
    chip.sfx(1, 57, -1, 1, FULL, 0);
    chip.sfx(2, 57, -1, 2, FULL, 0);
    chip.tick();
    assert.deepEqual(stereo(ram, 0), { left: 9, right: 4 });
    assert.deepEqual(stereo(ram, 1), { left: 0, right: 15 });
    assert.deepEqual(stereo(ram, 2), { left: 15, right: 0 });
    assert.equal(ram[0x14003], 0xff);
  });

  it('clears registers and PCM and opens the stereo bytes at every tick', () => {
    const { chip, ram } = squareSawMachine();
    ram.fill(0x5a, 0x0ff9c, 0x0ffe4);
    ram.fill(0x77, 0x14e24, 0x14ea4);
    ram.fill(0x12, 0x14000, 0x14004);
    chip.tick();
    assert.ok(ram.subarray(0x0ff9c, 0x0ffe4).every((b) => b === 0));
    assert.ok(ram.subarray(0x14e24, 0x14ea4).every((b) => b === 0));
    assert.ok(ram.subarray(0x14000, 0x14004).every((b) => b === 0xff));
  });

  it('overrides music on the same channel when it sounds, and lets music through when it is silent', () => {
    const { chip, ram } = squareSawMachine();
    putSample(ram, 1, { wave: 1, volume: [15, 0] });
    putRow(ram, 1, 0, { note: 45, sfx: 0 });
    putTrack(ram, 0, { frames: [[1, 0, 0, 0]] });
    chip.music(0);
    chip.sfx(1, 57, -1, 0, { left: 3, right: 5 }, 0);
    chip.tick();
    assert.equal(register(ram, 0).freq, 440);
    assert.deepEqual(register(ram, 0).wave, SAW);
    assert.deepEqual(stereo(ram, 0), { left: 3, right: 5 });
    chip.tick();
    assert.equal(register(ram, 0).freq, 220, 'the sfx step has volume 0: the music note stays');
    assert.deepEqual(register(ram, 0).wave, SQUARE);
    assert.deepEqual(stereo(ram, 0), { left: 15, right: 15 });
  });

  it('rejects sample ids past 63 and channels outside 0..3', () => {
    const { chip } = squareSawMachine();
    assert.throws(() => chip.sfx(64, 0, -1, 0, FULL, 0), RangeError);
    assert.throws(() => chip.sfx(0, 0, -1, 4, FULL, 0), RangeError);
    assert.throws(() => chip.sfx(0, 0, -1, -1, FULL, 0), RangeError);
  });

  it('reset idles every channel: sfx state -1, registers zero, music stopped', () => {
    const { chip, ram } = squareSawMachine();
    putRow(ram, 1, 0, { note: 45, sfx: 0 });
    putTrack(ram, 0, { frames: [[1, 0, 0, 0]] });
    chip.music(0);
    chip.sfx(0, 57, -1, 3, FULL, 0);
    chip.tick();
    chip.reset();
    assert.deepEqual(sfxState(ram, 3), [-1, -1, -1, -1]);
    assert.ok(ram.subarray(0x0ff9c, 0x0ffe4).every((b) => b === 0));
    assert.equal(ram[0x13ffc], 0xff, 'track -1');
    assert.equal(ram[0x13fff] & 6, 0, 'status stop');
    chip.tick();
    assert.equal(register(ram, 0).volume, 0);
    assert.equal(register(ram, 3).volume, 0);
  });
});
