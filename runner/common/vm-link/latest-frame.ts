// The latest frame of a headless run whose pixels its host did not ask for (RunOptions.output). The
// VM thread leaves it here, in memory it shares with the runner's main thread, instead of sending
// it; the main thread reads it only when the host must have the last frame drawn whole: the run
// fails, ends or has a frame still busy. A count bumped before and after each write tells a read
// that raced with one (a seqlock).
import { COMPACT_FRAME_MAX_BYTES, LINES_AT, type CompactFrameWriter } from '../compact-frame.js';
import type { FrameStats } from '../protocol.js';

export interface LatestFrame {
  /** 1-based; 0 while no frame has been left here. */
  index: number;
  cursor: number;
  relativeMouse: boolean;
  stats: FrameStats;
  /** FrameStats.cpuMs of frames 1..index summed. */
  cpuMsTotal: number;
  compact: Uint8Array;
}

const Int = { SEQ: 0, INDEX: 1, CURSOR: 2, RELATIVE_MOUSE: 3, BYTES: 4 } as const;
const FLOATS_AT = 24;
const Float = { CPU_MS: 0, LUA_MEMORY: 1, CPU_MS_TOTAL: 2 } as const;
const HEADER_BYTES = FLOATS_AT + 3 * 8;
/**
 * The compact frame's screen bytes start on an 8-byte boundary of the slot: V8 copies into shared
 * memory a word at a time only between such boundaries, a byte at a time otherwise (16 KB: 8.7 us
 * against 1.6 us).
 */
const COMPACT_AT = Math.ceil((HEADER_BYTES + LINES_AT) / 8) * 8 - LINES_AT;
/** A read that keeps meeting writes gives up: the writer is between frames that fast only while no host needs the frame. */
const READ_TRIES = 4;

export function createLatestFrameSlot(): SharedArrayBuffer {
  return new SharedArrayBuffer(COMPACT_AT + COMPACT_FRAME_MAX_BYTES);
}

/** The slot's header integers, its header floats and its compact frame bytes. */
function slotViews(slot: SharedArrayBuffer): { ints: Int32Array; floats: Float64Array; compact: Uint8Array } {
  return { ints: new Int32Array(slot, 0, FLOATS_AT / 4), floats: new Float64Array(slot, FLOATS_AT, 3), compact: new Uint8Array(slot, COMPACT_AT) };
}

/** The VM thread's side: leaves each frame it does not send. */
export class LatestFrameWriter {
  readonly #ints: Int32Array;
  readonly #floats: Float64Array;
  readonly #compact: Uint8Array;

  constructor(slot: SharedArrayBuffer) {
    ({ ints: this.#ints, floats: this.#floats, compact: this.#compact } = slotViews(slot));
  }

  /** Leaves frame `frame.index`, its picture as `screen` recorded it. */
  write(frame: Omit<LatestFrame, 'compact'>, screen: CompactFrameWriter): void {
    const ints = this.#ints;
    Atomics.add(ints, Int.SEQ, 1);
    ints[Int.BYTES] = screen.finishInto(this.#compact);
    ints[Int.CURSOR] = frame.cursor;
    ints[Int.RELATIVE_MOUSE] = frame.relativeMouse ? 1 : 0;
    this.#floats[Float.CPU_MS] = frame.stats.cpuMs;
    this.#floats[Float.LUA_MEMORY] = frame.stats.luaMemory;
    this.#floats[Float.CPU_MS_TOTAL] = frame.cpuMsTotal;
    Atomics.store(ints, Int.INDEX, frame.index);
    Atomics.add(ints, Int.SEQ, 1);
  }
}

/** The main thread's side. */
export class LatestFrameReader {
  readonly #ints: Int32Array;
  readonly #floats: Float64Array;
  readonly #compact: Uint8Array;

  constructor(slot: SharedArrayBuffer) {
    ({ ints: this.#ints, floats: this.#floats, compact: this.#compact } = slotViews(slot));
  }

  /** The index of the frame here now (0 for none), without copying it. */
  index(): number {
    return Atomics.load(this.#ints, Int.INDEX);
  }

  /** A copy of the frame here, or undefined when there is none or every try met a write. */
  read(): LatestFrame | undefined {
    const ints = this.#ints;
    for (let i = 0; i < READ_TRIES; i++) {
      const seq = Atomics.load(ints, Int.SEQ);
      if (seq % 2 === 1) continue;
      const index = ints[Int.INDEX];
      const bytes = ints[Int.BYTES];
      const frame: LatestFrame = {
        index,
        cursor: ints[Int.CURSOR],
        relativeMouse: ints[Int.RELATIVE_MOUSE] === 1,
        stats: { cpuMs: this.#floats[Float.CPU_MS], luaMemory: this.#floats[Float.LUA_MEMORY] },
        cpuMsTotal: this.#floats[Float.CPU_MS_TOTAL],
        compact: this.#compact.slice(0, Math.min(Math.max(bytes, 0), COMPACT_FRAME_MAX_BYTES)),
      };
      if (Atomics.load(ints, Int.SEQ) !== seq) continue;
      return index > 0 ? frame : undefined;
    }
    return undefined;
  }
}
