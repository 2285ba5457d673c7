// What of each frame goes on to the host, on the runner's main thread. The VM sends compact frames;
// a host that asked for them (RunOptions.compactFrames, the studio) gets them as they are, any
// other gets 'frame' with the RGBA pixels composed here. A host that names RunOptions.output (a
// headless run) gets whole only the frames it named and the last one; the others are summed up in
// 'tick' messages, at most TICK_FRAMES frames each, so a long run does not copy pixels across
// processes or compose them, nor send a message a frame. The latest frame is kept here until the
// next: before any news of how the run goes (an error, 'busy', a hang, the end) the frames so far
// are told of and that frame goes whole, so the host always has the last frame drawn. Traces, pmem
// and cart writes go straight on: no host needs them in order with the frames.
import { TICK_FRAMES } from '../frame-acks.js';
import { type FrameOutput, type MessageOf, type RunOptions, type RunnerMessage } from '../protocol.js';
import { concatSamples } from '../concat-samples.js';
import { CompactFrame } from '../compact-frame.js';
import { framePixels } from '../compose-frame.js';

/** Holds pending ticks no longer than this, so a host hears of progress while frames run. */
const TICK_HOLD_MS = 50;

type Frame = MessageOf<RunnerMessage, 'compact-frame'>;

/** The frame with its pixels composed, for hosts that take RGBA. */
function composed(frame: Frame): MessageOf<RunnerMessage, 'frame'> {
  const { compact, ...rest } = frame;
  return { ...rest, type: 'frame', pixels: framePixels(CompactFrame.of(compact)) };
}

export class FrameOutputFilter {
  readonly #send: (msg: RunnerMessage) => void;
  #output: FrameOutput | undefined;
  #compactFrames = false;
  #pixelFrames: ReadonlySet<number> = new Set();
  #maxFrames: number | undefined;
  /** The latest frame, when it has not gone whole. */
  #latest: Frame | undefined;
  /** Frames not gone whole and not yet told of in a 'tick'. */
  #ticked = { index: 0, frames: 0, cpuMs: 0, audio: [] as Int16Array[] };
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(send: (msg: RunnerMessage) => void) {
    this.#send = send;
  }

  /** The run's options, from its 'start' message. */
  start(options: RunOptions): void {
    this.#output = options.output;
    this.#compactFrames = options.compactFrames === true && !options.output;
    this.#pixelFrames = new Set(options.output?.pixelFrames);
    this.#maxFrames = options.maxFrames;
  }

  /** A message for the host, in the order the runner made them. */
  send(msg: RunnerMessage): void {
    if (msg.type === 'compact-frame') {
      if (this.#output && !this.#pixelFrames.has(msg.index) && msg.index !== this.#maxFrames) {
        this.#tick(msg);
        return;
      }
      this.#latest = undefined;
      this.#sendTick();
      this.#send(this.#compactFrames ? msg : composed(msg));
      return;
    }
    if (msg.type !== 'trace' && msg.type !== 'pmem' && msg.type !== 'cart') this.flush();
    this.#send(msg);
  }

  /** Tells the host of every frame so far, the latest whole. */
  flush(): void {
    this.#sendTick();
    const latest = this.#latest;
    this.#latest = undefined;
    if (latest) this.#send(composed(latest));
  }

  #tick(frame: Frame): void {
    this.#latest = frame;
    const ticked = this.#ticked;
    ticked.index = frame.index;
    ticked.frames++;
    ticked.cpuMs += frame.stats.cpuMs;
    if (this.#output?.audio) ticked.audio.push(frame.audio);
    if (ticked.frames >= TICK_FRAMES) this.#sendTick();
    else this.#timer ??= setTimeout(() => this.#sendTick(), TICK_HOLD_MS);
  }

  #sendTick(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const { index, frames, cpuMs, audio } = this.#ticked;
    if (frames === 0) return;
    this.#ticked = { index: 0, frames: 0, cpuMs: 0, audio: [] };
    const tick = { type: 'tick', index, frames, cpuMs } as const;
    if (!this.#output?.audio) return this.#send(tick);
    this.#send({ ...tick, audio: concatSamples(audio) });
  }
}
