// What of each frame goes on to the host, on the runner's main thread. The VM sends compact frames;
// a host that asked for them (RunOptions.compactFrames, the studio) gets them as they are, any
// other gets 'frame' with the RGBA pixels composed here. A host that names RunOptions.output (a
// headless run) gets whole only the frames it named and the last one: the VM thread keeps the
// others (runner/vm/quiet-frames.ts) and tells of them in 'vm-tick' messages, summed up here in
// 'tick' messages (at most one per TICK_HOLD_MS unless the VM waits for its host; those with audio
// at most TICK_FRAMES frames long), so a long run neither copies pixels across threads or
// processes nor sends a message a frame. Before any news of how the run goes (an error,
// 'busy', a hang, the end) the frames so far are told of and the last one drawn goes whole (compact
// to a host that asked for compact frames), read from the latest-frame slot: the host always has the
// last frame drawn. Traces, pmem and cart writes go straight on: no host needs them in order with
// the frames.
import { AUDIO_SAMPLES, type MessageOf, type RunOptions, type RunnerMessage } from '../protocol.js';
import { TICK_FRAMES } from '../frame-acks.js';
import { concatSamples } from '../concat-samples.js';
import { CompactFrame } from '../compact-frame.js';
import { framePixels } from '../compose-frame.js';
import { LatestFrameReader, type LatestFrame } from '../vm-link/latest-frame.js';
import type { VmTick } from '../vm-link/thread-messages.js';

/** Holds pending ticks no longer than this, so a host hears of progress while frames run. */
const TICK_HOLD_MS = 50;

export class FrameOutputFilter {
  readonly #send: (msg: RunnerMessage) => void;
  readonly #slot: LatestFrameReader | undefined;
  #compactFrames = false;
  #takesAudio = false;
  /** The frames the host has been told of (1..index) or will be by the pending tick, and their cpuMs summed. */
  #known = { index: 0, cpuMsTotal: 0 };
  /** The last frame that went whole. */
  #wholeIndex = 0;
  /** The latest frame a vm-tick carried (threads without a latest-frame slot). */
  #carried: LatestFrame | undefined;
  /** Frames not yet told of in a 'tick'. */
  #pending = { index: 0, frames: 0, cpuMs: 0, audio: [] as Int16Array[] };
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** latestFrame: the VM thread's latest-frame slot (VmThreadInit.latestFrame), where it has one. */
  constructor(send: (msg: RunnerMessage) => void, latestFrame?: SharedArrayBuffer) {
    this.#send = send;
    this.#slot = latestFrame ? new LatestFrameReader(latestFrame) : undefined;
  }

  /** The run's options, from its 'start' message. */
  start(options: RunOptions): void {
    this.#compactFrames = options.compactFrames === true;
    this.#takesAudio = options.output?.audio ?? false;
  }

  /** A message for the host, in the order the runner made them. */
  send(msg: RunnerMessage | VmTick): void {
    if (msg.type === 'vm-tick') return this.#vmTick(msg);
    if (msg.type === 'compact-frame') {
      this.#sendTick();
      this.#known = { index: msg.index, cpuMsTotal: this.#known.cpuMsTotal + msg.stats.cpuMs };
      this.#wholeIndex = msg.index;
      this.#sendWhole(msg);
      return;
    }
    if (msg.type !== 'trace' && msg.type !== 'pmem' && msg.type !== 'cart') this.#flush();
    this.#send(msg);
  }

  /** Tells the host of every frame so far, the last one drawn whole. */
  #flush(): void {
    const latest = this.#latest();
    if (latest) this.#count(latest.index, latest.cpuMsTotal);
    this.#sendTick();
    if (!latest || latest.index <= this.#wholeIndex) return;
    this.#wholeIndex = latest.index;
    const { index, compact, cursor, relativeMouse, stats } = latest;
    // Silence: the host has counted this frame, and had its audio if it takes audio, from the tick.
    // A buffer of its own, as every frame message has, which a host may keep or transfer.
    const audio = new Int16Array(AUDIO_SAMPLES);
    this.#sendWhole({ type: 'compact-frame', index, compact, cursor, relativeMouse, stats, audio });
  }

  #sendWhole(frame: MessageOf<RunnerMessage, 'compact-frame'>): void {
    this.#send(this.#compactFrames ? frame : composed(frame));
  }

  /** The last frame drawn, when it has not gone whole. */
  #latest(): LatestFrame | undefined {
    if (this.#slot) return this.#slot.index() > this.#wholeIndex ? this.#slot.read() : undefined;
    return this.#carried;
  }

  #vmTick(tick: VmTick): void {
    if (tick.latest) this.#carried = tick.latest;
    // Frames the host has already been told of from the slot (a flush overtook this tick) are not told again.
    if (tick.index > this.#known.index) {
      const audio = this.#takesAudio && tick.audio && tick.index === this.#known.index + 1 ? tick.audio : undefined;
      this.#count(tick.index, tick.cpuMsTotal, audio);
    }
    if (tick.waiting) this.#sendTick();
  }

  /** Frames up to `index` go in the pending tick, with the audio of frame `index` when it comes alone. */
  #count(index: number, cpuMsTotal: number, audio?: Int16Array): void {
    const frames = index - this.#known.index;
    if (frames <= 0) return;
    // Audio covers all of a tick's frames or none of them.
    if (this.#pending.frames > 0 && (audio === undefined) !== (this.#pending.audio.length === 0)) this.#sendTick();
    if (audio && this.#pending.frames + frames > TICK_FRAMES) this.#sendTick();
    const pending = this.#pending;
    pending.index = index;
    pending.frames += frames;
    pending.cpuMs += Math.max(0, cpuMsTotal - this.#known.cpuMsTotal);
    if (audio) pending.audio.push(audio);
    this.#known = { index, cpuMsTotal };
    if (audio && pending.frames >= TICK_FRAMES) this.#sendTick();
    else this.#timer ??= setTimeout(() => this.#sendTick(), TICK_HOLD_MS);
  }

  #sendTick(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const { index, frames, cpuMs, audio } = this.#pending;
    if (frames === 0) return;
    this.#pending = { index: 0, frames: 0, cpuMs: 0, audio: [] };
    const tick = { type: 'tick', index, frames, cpuMs } as const;
    this.#send(audio.length > 0 ? { ...tick, audio: concatSamples(audio) } : tick);
  }
}

/** The frame with its pixels composed, for hosts that take RGBA. */
function composed(frame: MessageOf<RunnerMessage, 'compact-frame'>): MessageOf<RunnerMessage, 'frame'> {
  const { compact, ...rest } = frame;
  return { ...rest, type: 'frame', pixels: framePixels(CompactFrame.of(compact)) };
}
