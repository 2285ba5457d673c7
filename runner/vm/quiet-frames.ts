// The frames a headless host did not ask for whole (RunOptions.output). Sending each to the
// runner's main thread cost more than an empty cart's frame, so they are not sent: each is left in
// the latest-frame slot (latest-frame.ts), where the main thread finds the last one drawn when the
// host must have it, and they are told of in a 'vm-tick' at the end of each slice of fast frames,
// after each realtime frame, before a frame that goes whole and while the loop waits for its host.
// Such frames leave the host nothing to take, so they do not count in the frame window
// (frame-acks.ts). Each frame goes in a vm-tick of its own, the way it did before, when the host
// takes the audio (every frame's samples must leave anyway) or when the threads share no memory
// for the slot.
import type { CompactFrameWriter } from '../common/compact-frame.js';
import type { FrameOutput } from '../common/protocol.js';
import { LatestFrameWriter, type LatestFrame } from '../common/vm-link/latest-frame.js';
import type { VmTick } from '../common/vm-link/thread-messages.js';

export class QuietFrames {
  readonly #wanted: ReadonlySet<number>;
  readonly #last: number | undefined;
  /** The host takes every frame's audio. */
  readonly takesAudio: boolean;
  readonly #slot: LatestFrameWriter | undefined;
  readonly #post: (msg: VmTick, transfer: ArrayBuffer[]) => void;
  /** The last frame kept, and the cpuMs of all frames up to it. */
  #index = 0;
  #cpuMsTotal = 0;
  /** Frames kept since the last vm-tick. */
  #untold = 0;

  /** last: the run's last frame (RunOptions.maxFrames), which always goes whole. */
  constructor(output: FrameOutput, last: number | undefined, slot: SharedArrayBuffer | undefined, post: (msg: VmTick, transfer: ArrayBuffer[]) => void) {
    this.#wanted = new Set(output.pixelFrames);
    this.#last = last;
    this.takesAudio = output.audio;
    this.#slot = slot ? new LatestFrameWriter(slot) : undefined;
    this.#post = post;
  }

  /** Whether frame `index` goes whole to the host. */
  wants(index: number): boolean {
    return index === this.#last || this.#wanted.has(index);
  }

  /**
   * A frame that does not go whole: its picture as `screen` recorded it, its audio. True when it
   * left in a vm-tick of its own, with pixels or audio for the host to take.
   */
  keep(frame: Omit<LatestFrame, 'compact'>, screen: CompactFrameWriter, audio: Int16Array<ArrayBuffer>): boolean {
    this.#index = frame.index;
    this.#cpuMsTotal = frame.cpuMsTotal;
    this.#untold++;
    if (!this.#slot) {
      const compact = screen.finish();
      this.#tell({ ...frame, compact }, [compact.buffer], audio);
      return true;
    }
    this.#slot.write(frame, screen);
    if (!this.takesAudio) return false;
    this.#tell(undefined, [], audio);
    return true;
  }

  /**
   * Tells the main thread of the frames kept since the last vm-tick. `waiting`: the loop waits for
   * its host, so the main thread passes on at once what it holds (even with no new frame to tell of).
   */
  tell(waiting = false): void {
    if (this.#untold > 0 || waiting) this.#tell(undefined, [], undefined, waiting);
  }

  #tell(latest: LatestFrame | undefined, transfer: ArrayBuffer[], audio?: Int16Array<ArrayBuffer>, waiting = false): void {
    const sendsAudio = audio !== undefined && this.takesAudio;
    this.#post(
      {
        type: 'vm-tick',
        index: this.#index,
        cpuMsTotal: this.#cpuMsTotal,
        ...(sendsAudio ? { audio } : {}),
        ...(latest ? { latest } : {}),
        ...(waiting ? { waiting } : {}),
      },
      sendsAudio ? [...transfer, audio.buffer] : transfer,
    );
    this.#untold = 0;
  }
}
