// Flow control for frames. A runner sends at most FRAMES_IN_FLIGHT frames with something for its
// host to take (pixels, audio, persistent memory, cart data) that the host has not acknowledged,
// then waits for an 'ack': without it, a runner in 'fast' pacing made frames faster than its host
// took them and grew by gigabytes. Frames that leave nothing but a count in a 'tick' (a headless
// run's frames it did not ask for) cost the host nothing and do not wait. Every host acknowledges
// the frames it has taken, once per batch of runner messages; a 'tick' counts as its last frame.
import type { HostMessage, MessageOf, RunnerMessage } from './protocol.js';

/**
 * One second of frames at 60 Hz: a studio acknowledges each frame within a frame or two, so in
 * realtime pacing the window only closes on a host that has fallen far behind. About 9 MB of
 * pixels and audio.
 */
export const FRAMES_IN_FLIGHT = 60;

/** A 'tick' with audio sums up at most this many frames: half the window, so the window never closes on frames not yet sent. */
export const TICK_FRAMES = FRAMES_IN_FLIGHT / 2;

/** The acknowledgement of the last frame in a batch of runner messages; undefined without frames. */
export function frameAck(batch: readonly RunnerMessage[]): MessageOf<HostMessage, 'ack'> | undefined {
  for (let i = batch.length - 1; i >= 0; i--) {
    const message = batch[i];
    if (message.type === 'frame' || message.type === 'compact-frame' || message.type === 'tick') return { type: 'ack', frames: message.index };
  }
  return undefined;
}
