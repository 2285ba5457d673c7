// Drives a cart machine: boot, then one frame per 1/60 s (or back to back when headless), with the
// latest input snapshot, or each frame's own from RunOptions.inputSchedule. Like TIC-80's loop, a
// late frame resets the schedule instead of catching up. Whatever the pacing, it waits while
// FRAMES_IN_FLIGHT frames that sent the host something to take are unacknowledged (frame-acks.ts).
import { now } from '../common/clock.js';
import { FRAMES_IN_FLIGHT } from '../common/frame-acks.js';
import { FRAME_MS } from '../common/frame-rate.js';
import { scheduledInput } from '../common/input-schedule.js';
import { CompactFrameWriter } from '../common/compact-frame.js';
import { AUDIO_SAMPLES, type InputSnapshot, type RunOptions, type RunnerMessage } from '../common/protocol.js';
import type { VmTick } from '../common/vm-link/thread-messages.js';
import type { CartMachine } from './machine.js';
import { PmemWatch } from './pmem-watch.js';
import { FrameTimes } from './frame-times.js';
import { QuietFrames } from './quiet-frames.js';

/** Headless runs return to the event loop this often, so messages still get through. */
const FAST_SLICE_MS = 50;

const NO_INPUT: InputSnapshot = { gamepads: 0, mouseX: 0, mouseY: 0, mouseButtons: 0, scrollX: 0, scrollY: 0, keys: [] };

export interface FrameSink {
  send(msg: RunnerMessage | VmTick, transfer?: ArrayBuffer[]): void;
}

export interface FrameLoopState {
  /** The cart's persistent memory as the host kept it (absent: all zero). */
  pmem?: Uint8Array;
  /** The latest-frame slot (VmThreadInit.latestFrame), for the frames a headless host does not take whole. */
  latestFrame?: SharedArrayBuffer;
}

export class FrameLoop {
  #input: InputSnapshot = NO_INPUT;
  #frames = 0;
  #busyMs = 0;
  #stopped = false;
  /** The frames that sent the host something to take and that it has not acknowledged, oldest first. */
  readonly #unacknowledged: number[] = [];
  /** Where the loop goes on once the window opens again, while it waits for an acknowledgement. */
  #waiting: (() => void) | undefined;
  readonly #pmem: PmemWatch;
  readonly #screen = new CompactFrameWriter();
  /** Only for a headless host (RunOptions.output). */
  readonly #quiet: QuietFrames | undefined;
  /** The audio buffer of frames whose audio stays here. */
  readonly #spareAudio = new Int16Array(AUDIO_SAMPLES);
  readonly #times = new FrameTimes();

  readonly #machine: CartMachine;
  readonly #options: RunOptions;
  readonly #sink: FrameSink;
  constructor(machine: CartMachine, options: RunOptions, sink: FrameSink, state: FrameLoopState = {}) {
    this.#sink = sink;
    this.#options = options;
    this.#machine = machine;
    this.#pmem = new PmemWatch(machine.ram, state.pmem);
    this.#quiet = options.output
      ? new QuietFrames(options.output, options.maxFrames, state.latestFrame, (msg, transfer) => sink.send(msg, transfer))
      : undefined;
  }

  setInput(input: InputSnapshot): void {
    this.#input = input;
  }

  /** The host has taken every frame up to this index. */
  acknowledge(frames: number): void {
    const unacknowledged = this.#unacknowledged;
    while (unacknowledged.length > 0 && unacknowledged[0] <= frames) unacknowledged.shift();
    const goOn = this.#waiting;
    if (!goOn || this.#windowFull()) return;
    this.#waiting = undefined;
    goOn();
  }

  #windowFull(): boolean {
    return this.#unacknowledged.length >= FRAMES_IN_FLIGHT;
  }

  /** True when the window is full: goOn then runs once the host has caught up. */
  #waitForHost(goOn: () => void): boolean {
    if (!this.#windowFull()) return false;
    this.#quiet?.tell(true);
    this.#waiting = goOn;
    return true;
  }

  start(): void {
    // Before boot, so the top level and BOOT see it; booting leaves the pmem region alone.
    this.#pmem.load();
    if (this.#machine.boot() !== 'ok') {
      this.#stopped = true;
      return;
    }
    if (this.#options.pacing === 'fast') this.#runFast();
    else this.#runRealtime(now());
  }

  /** Runs one frame and sends it; false once the run is over. */
  #frame(): boolean {
    if (this.#stopped) return false;
    if (this.#options.maxFrames !== undefined && this.#frames >= this.#options.maxFrames) {
      this.#finish();
      return false;
    }
    const index = this.#frames + 1;
    const quiet = this.#quiet && !this.#quiet.wants(index) ? this.#quiet : undefined;
    const audio = quiet && !quiet.takesAudio ? this.#spareAudio : new Int16Array(AUDIO_SAMPLES);
    const schedule = this.#options.inputSchedule;
    const input = schedule ? scheduledInput(schedule, index) : this.#input;
    const result = this.#machine.step(input, this.#screen, audio);
    const cpuMs = this.#machine.lastFrameCpuMs;
    if (result === 'error') {
      this.#stopped = true;
      return false;
    }
    this.#frames = index;
    this.#busyMs += cpuMs;
    this.#times.add(cpuMs);
    const { cursor, relativeMouse } = this.#machine;
    const stats = { cpuMs, luaMemory: this.#machine.luaMemory };
    let sentSomething = true;
    if (quiet) {
      sentSomething = quiet.keep({ index, cursor, relativeMouse, stats, cpuMsTotal: this.#busyMs }, this.#screen, audio);
    } else {
      this.#quiet?.tell();
      const compact = this.#screen.finish();
      this.#sink.send({ type: 'compact-frame', index, cursor, relativeMouse, stats, compact, audio }, [compact.buffer, audio.buffer]);
    }
    const pmem = this.#pmem.takeChange();
    if (pmem) {
      this.#sink.send({ type: 'pmem', bytes: pmem }, [pmem.buffer as ArrayBuffer]);
      sentSomething = true;
    }
    for (const { bank, data } of this.#machine.takeCartWrites()) {
      this.#sink.send(
        { type: 'cart', bank, data },
        Object.values(data).map((bytes) => bytes.buffer as ArrayBuffer),
      );
      sentSomething = true;
    }
    if (sentSomething) this.#unacknowledged.push(index);
    if (result === 'exit') {
      this.#stopped = true;
      this.#sink.send({ type: 'exit' });
      return false;
    }
    return true;
  }

  #finish(): void {
    this.#stopped = true;
    const median = this.#times.median();
    this.#sink.send({
      type: 'done',
      frames: this.#frames,
      msPerFrame: this.#frames ? this.#busyMs / this.#frames : 0,
      ...(median === undefined ? {} : { medianMsPerFrame: median }),
    });
  }

  #runFast(): void {
    const sliceEnd = now() + FAST_SLICE_MS;
    while (now() < sliceEnd) {
      if (this.#waitForHost(() => this.#runFast())) return;
      if (!this.#frame()) return;
    }
    this.#quiet?.tell();
    setTimeout(() => this.#runFast(), 0);
  }

  #runRealtime(due: number): void {
    // A frame that waited for the host is late: the schedule starts again from it.
    if (this.#waitForHost(() => this.#runRealtime(now()))) return;
    if (!this.#frame()) return;
    this.#quiet?.tell();
    const time = now();
    let next = due + FRAME_MS;
    if (next < time - FRAME_MS) next = time;
    setTimeout(() => this.#runRealtime(next), Math.max(0, next - time));
  }
}
