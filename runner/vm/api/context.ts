// What the API bindings act on: one cart machine's Lua state, RAM and devices.
import type { LuaBridge } from '../lua/lua-bridge.js';
import type { NumberArgsBody } from '../lua/lua-wasm.js';
import type { Input } from '../input.js';
import type { Video } from '../video/video.js';

export interface ApiContext {
  lua: LuaBridge;
  ram: Uint8Array;
  video: Video;
  input: Input;
  /** time() in ms as the cart sees it. */
  time(): number;
  /** The share of a 60 Hz frame the current frame has used so far (1 = all of it). */
  cpuShare(): number;
  /** The cart's Lua heap in use, in bytes. */
  luaMemory(): number;
  trace(text: string, color: number): void;
  /** The cart called exit(): the current frame finishes, then the run ends. */
  requestExit(): void;
  /** The cart called reset(): it restarts (softly) at the next frame. */
  requestReset(): void;
  /** sync(): copies sections between cart bank `bank` (0..7, checked by the caller) and RAM. */
  sync(mask: number, bank: number, toCart: boolean): void;
}

/**
 * One API function: its Lua name and its C implementation, either a lua_CFunction or, for a function
 * whose arguments are all numbers, a body that takes them read in wasm (see NumberArgsBody).
 */
export type ApiFunction = { name: string; fn: (L: number) => number } | { name: string; numberArgs: { arity: number; body: NumberArgsBody } };
