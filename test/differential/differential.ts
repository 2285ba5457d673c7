// Runs one cart in Nibble (in-process, deterministic clock) and in TIC-80 itself, and describes
// every way the two differ: pixels of the 256 x 144 output at frames 1, 60 and 600, and each
// frame's audio (loudness and dominant frequency).
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../runner/common/protocol.js';
import { cartSourceOf, loadCart } from '../../runner/common/cart/index.js';
import { peakFrequency } from '../fixtures/audio-analysis.js';
import type { InputSnapshot } from '../../runner/common/protocol.js';
import type { Rig } from '../conformance/rig.js';
import { captureTic80, type HeldButtons } from '../tic80-native.js';

export const CAPTURED_FRAMES = [1, 60, 600] as const;
const LAST_FRAME = CAPTURED_FRAMES[CAPTURED_FRAMES.length - 1];
/** Stereo samples in one frame at 60 Hz. */
const FRAME_SAMPLES = 735;
/** TIC-80's audio for a call starts this many frames after Nibble's. */
export const TIC80_AUDIO_DELAY = 1;
/** Below this RMS (of 32767) a frame counts as silent, and its frequency is not compared. */
const SILENCE_RMS = 300;

export interface DiffOptions {
  /** Gamepad 1's buttons held, as tic80-native's -i takes them. */
  held?: HeldButtons[];
}

export function describeCart(rig: Rig, name: string, code: string, options: DiffOptions = {}): string[] {
  const bytes = new TextEncoder().encode(code);
  const reference = captureTic80(bytes, name, LAST_FRAME, CAPTURED_FRAMES, options.held);
  if (reference.status !== 0) return [`TIC-80 stopped with status ${reference.status}: ${reference.stderr.trim()}`];
  const frames = new Map<number, Uint8Array>();
  const audio = new Int16Array(LAST_FRAME * FRAME_SAMPLES * 2);
  const source = cartSourceOf(loadCart(bytes, name).cart, name);
  const input: InputSnapshot[] = [];
  for (const span of options.held ?? []) {
    for (let f = span.from; f <= span.to; f++) input[f - 1] = { ...(input[f - 1] ?? NO_BUTTONS), gamepads: (input[f - 1]?.gamepads ?? 0) | span.mask };
  }
  const run = rig.run(source.code, {
    name,
    frames: LAST_FRAME,
    ...(source.data ? { data: source.data } : {}),
    input: Array.from({ length: LAST_FRAME }, (_, i) => input[i] ?? NO_BUTTONS),
    onFrame: (n, pixels, samples) => {
      if ((CAPTURED_FRAMES as readonly number[]).includes(n)) frames.set(n, pixels.slice());
      audio.set(samples.subarray(0, FRAME_SAMPLES * 2), (n - 1) * FRAME_SAMPLES * 2);
    },
  });
  if (run.error) return [`Nibble stopped at frame ${run.frames + 1}: ${run.error.message}`];
  const differences: string[] = [];
  for (const n of CAPTURED_FRAMES) {
    const theirs = reference.frames.get(n);
    const ours = frames.get(n);
    if (!theirs || !ours) differences.push(`frame ${n}: ${theirs ? 'Nibble' : 'TIC-80'} made no frame`);
    else {
      const pixels = differingPixels(ours, theirs);
      if (pixels.length) differences.push(`frame ${n}: ${pixels.length} pixels differ, first at ${pixels.slice(0, 4).join(' ')}`);
    }
  }
  differences.push(...audioDifferences(audio, reference.audio));
  return differences;
}

const NO_BUTTONS: InputSnapshot = { gamepads: 0, mouseX: 0, mouseY: 0, mouseButtons: 0, scrollX: 0, scrollY: 0, keys: [] };

/** "(x,y)" of each pixel of the 256 x 144 output that differs. */
function differingPixels(ours: Uint8Array, theirs: Uint8Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < FRAME_WIDTH * FRAME_HEIGHT; i++) {
    const at = i * 4;
    if (ours[at] !== theirs[at] || ours[at + 1] !== theirs[at + 1] || ours[at + 2] !== theirs[at + 2])
      out.push(`(${i % FRAME_WIDTH},${Math.floor(i / FRAME_WIDTH)})`);
  }
  return out;
}

interface FrameSound {
  rms: number;
  /** Dominant frequency in Hz, 0 when silent. */
  freq: number;
}

/** The left channel of one frame, measured. */
function frameSound(audio: Int16Array, frame: number): FrameSound {
  const left = new Int16Array(FRAME_SAMPLES);
  const base = (frame - 1) * FRAME_SAMPLES * 2;
  let sum = 0;
  for (let i = 0; i < FRAME_SAMPLES; i++) {
    left[i] = audio[base + i * 2] ?? 0;
    sum += left[i] * left[i];
  }
  const rms = Math.sqrt(sum / FRAME_SAMPLES);
  if (rms < SILENCE_RMS) return { rms, freq: 0 };
  const coarse = peakFrequency(left, 40, 2000, 20);
  return { rms, freq: peakFrequency(left, coarse - 20, coarse + 20, 2) };
}

/**
 * Frames whose loudness differs by more than a fifth, or whose dominant frequency by more than 3%
 * (and more than 15 Hz: one frame's 735 samples place a peak only that finely), from 40 to 2000 Hz.
 */
function audioDifferences(ours: Int16Array, theirs: Int16Array): string[] {
  const out: string[] = [];
  let before = { rms: 0, freq: 0 };
  for (let frame = 1; frame + TIC80_AUDIO_DELAY <= LAST_FRAME; frame++) {
    const a = frameSound(ours, frame);
    const b = frameSound(theirs, frame + TIC80_AUDIO_DELAY);
    const louder = Math.max(a.rms, b.rms);
    const loudnessOff = louder >= SILENCE_RMS && Math.abs(a.rms - b.rms) > louder / 5;
    // A sound's first frame is mostly its onset, whose peak says little about its pitch.
    const onset = before.freq === 0;
    before = a;
    const pitchOff = !onset && a.freq > 0 && b.freq > 0 && Math.abs(a.freq - b.freq) > Math.max(15, Math.max(a.freq, b.freq) * 0.03);
    if (loudnessOff || pitchOff) out.push(`audio frame ${frame}: Nibble rms ${a.rms.toFixed(0)} ${a.freq} Hz, TIC-80 rms ${b.rms.toFixed(0)} ${b.freq} Hz`);
  }
  return out.length > 5 ? [...out.slice(0, 5), `... and ${out.length - 5} more audio frames`] : out;
}
