// What the API bindings act on: one cart machine's Lua state, RAM and devices.
import type { LuaBridge } from '../lua/lua-bridge.js';
import type { Input } from '../input.js';
import type { Video } from '../video/video.js';

export interface ApiContext {
  lua: LuaBridge;
  ram: Uint8Array;
  video: Video;
  input: Input;
  /** time() in ms as the cart sees it. */
  time(): number;
  trace(text: string, color: number): void;
  /** The cart called exit(): the current frame finishes, then the run ends. */
  requestExit(): void;
}

/** One API function: its Lua name and its C implementation. */
export interface ApiFunction {
  name: string;
  fn: (L: number) => number;
}
