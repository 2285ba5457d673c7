// The studio's sound output: an AudioContext at the chip's 44 100 Hz with the frame-player worklet,
// created lazily because browsers only let audio start after a user gesture. Until then, frames
// pushed are dropped. push() hands over each frame as it arrives; silence() when the cart pauses,
// hangs or stops.
import { CHIP_SAMPLE_RATE, FRAME_PLAYER, type PlayerMessage } from './audio-messages.js';

export class StudioAudio {
  /** Where the frame-player worklet's module is (the build's file, or a Blob of its code). */
  readonly #workletUrl: string;
  #context: AudioContext | undefined;
  #node: AudioWorkletNode | undefined;
  #meter: AnalyserNode | undefined;
  #starting: Promise<void> | undefined;
  #volume = 1;
  #muted = false;

  constructor(workletUrl: string) {
    this.#workletUrl = workletUrl;
  }

  /**
   * Creates the audio graph (once) and resumes it. Call it from a user gesture's handler, or let
   * unlockOn() do it.
   */
  start(): Promise<void> {
    this.#starting ??= this.#createGraph().catch(async (error: unknown) => {
      // Let a later gesture try again.
      await this.close();
      throw error;
    });
    return this.#starting.then(() => this.#context?.resume());
  }

  /** Starts the audio at the first pointer or key press on target. */
  unlockOn(target: EventTarget): void {
    const events = ['pointerdown', 'keydown'];
    const unlock = (): void => {
      for (const name of events) target.removeEventListener(name, unlock, true);
      this.start().catch((error: unknown) => console.warn('the sound could not start', error));
    };
    for (const name of events) target.addEventListener(name, unlock, true);
  }

  get started(): boolean {
    return this.#node !== undefined;
  }

  /** The loudest sample (0..1) the studio played in the last ~46 ms: what reaches the speakers. */
  outputPeak(): number {
    if (!this.#meter) return 0;
    const samples = new Float32Array(this.#meter.fftSize);
    this.#meter.getFloatTimeDomainData(samples);
    return samples.reduce((peak, x) => Math.max(peak, Math.abs(x)), 0);
  }

  /** Queues one frame: 735 interleaved left/right s16 pairs at 44 100 Hz. */
  push(frame: Int16Array): void {
    if (!this.#node) return;
    const samples = frame.slice();
    this.#post({ type: 'frame', samples }, [samples.buffer]);
  }

  /** Linear gain 0..1. */
  setVolume(gain: number): void {
    this.#volume = gain;
    this.#post({ type: 'volume', gain });
  }

  setMuted(muted: boolean): void {
    this.#muted = muted;
    this.#post({ type: 'muted', muted });
  }

  /** Drops the queued sound and fades out; playback resumes with the next frames pushed. */
  silence(): void {
    this.#post({ type: 'silence' });
  }

  async close(): Promise<void> {
    this.#node?.disconnect();
    this.#node = undefined;
    this.#meter = undefined;
    await this.#context?.close();
    this.#context = undefined;
    this.#starting = undefined;
  }

  async #createGraph(): Promise<void> {
    const context = createContext();
    this.#context = context;
    await context.audioWorklet.addModule(this.#workletUrl);
    const node = new AudioWorkletNode(context, FRAME_PLAYER, { numberOfInputs: 0, outputChannelCount: [2] });
    node.connect(context.destination);
    const meter = context.createAnalyser();
    meter.fftSize = 2048;
    node.connect(meter);
    this.#meter = meter;
    this.#node = node;
    this.#post({ type: 'volume', gain: this.#volume });
    this.#post({ type: 'muted', muted: this.#muted });
  }

  #post(message: PlayerMessage, transfer: Transferable[] = []): void {
    this.#node?.port.postMessage(message, transfer);
  }
}

/** A context at the chip's rate; where that rate is refused, the device's, and the worklet resamples. */
function createContext(): AudioContext {
  try {
    return new AudioContext({ sampleRate: CHIP_SAMPLE_RATE, latencyHint: 'interactive' });
  } catch {
    return new AudioContext({ latencyHint: 'interactive' });
  }
}
