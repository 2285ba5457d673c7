// Scripted input (RunOptions.inputSchedule): the input of each frame, worked out from spans of held
// buttons, keys and mouse positions, as TIC-80's headless driver (tic80-native -i) holds gamepad 1.
import { KEYBOARD_BYTES } from './memory-map.js';
import type { InputSnapshot, InputSpan } from './protocol.js';

/** Spans in one schedule; far more than a command line can hold. */
export const MAX_INPUT_SPANS = 10_000;

/**
 * The input of frame `frame` (1-based). Spans covering it OR their gamepad bits (as tic80-native
 * ORs overlapping spans) and add their keys, the first KEYBOARD_BYTES distinct ones in span order.
 * The mouse is where the latest mouse span to start by this frame put it (of spans starting on the
 * same frame, the last listed), with its buttons down only while that span lasts: the pointer stays
 * put after it. Before any mouse span it is at (0, 0), as when no host moved it.
 */
export function scheduledInput(schedule: readonly InputSpan[], frame: number): InputSnapshot {
  let gamepads = 0;
  const keys: number[] = [];
  let mouse: InputSpan['mouse'];
  let mouseHeld = false;
  let mouseFrom = 0;
  for (const span of schedule) {
    if (span.mouse && span.from <= frame && span.from >= mouseFrom) {
      mouse = span.mouse;
      mouseFrom = span.from;
      mouseHeld = frame <= span.to;
    }
    if (frame < span.from || frame > span.to) continue;
    gamepads |= span.gamepads;
    for (const code of span.keys) if (keys.length < KEYBOARD_BYTES && !keys.includes(code)) keys.push(code);
  }
  return {
    gamepads: gamepads >>> 0,
    mouseX: mouse?.x ?? 0,
    mouseY: mouse?.y ?? 0,
    mouseButtons: mouseHeld ? (mouse?.buttons ?? 0) : 0,
    scrollX: 0,
    scrollY: 0,
    keys,
  };
}
