// Messages from the studio's main thread to the frame player in the audio worklet.
import { AUDIO_SAMPLE_RATE } from '../../runner/common/protocol.js';

/** One video frame of the chip's output: 735 interleaved left/right s16 pairs at 44 100 Hz. */
export interface FrameMessage {
  type: 'frame';
  samples: Int16Array;
}

export type PlayerMessage =
  | FrameMessage
  /** Linear gain 0..1. */
  | { type: 'volume'; gain: number }
  | { type: 'muted'; muted: boolean }
  /** The cart is paused, hung or stopped: drop what is buffered and fade out. */
  | { type: 'silence' };

/** Name the processor is registered under. */
export const FRAME_PLAYER = 'nibble-frame-player';
/** Sample rate of the chip's output. */
export const CHIP_SAMPLE_RATE = AUDIO_SAMPLE_RATE;
