// Runs small carts in-process for the conformance suite: one Lua wasm instance per test file and
// a fresh cart machine (own RAM, own control block) per cart, stepped frame by frame directly: no
// runner process and no watchdog. Time is deterministic: time() in frame N is (N-1)*1000/60.
import { CompactFrame, CompactFrameWriter } from '../../runner/common/compact-frame.js';
import { composeFrame } from '../../runner/common/compose-frame.js';
import { AUDIO_SAMPLES, FRAME_BYTES, type CartData, type InputSnapshot, type RunnerMessage } from '../../runner/common/protocol.js';
import { DEFAULT_RUNNER_FLAGS } from '../../runner/common/runner-flags.js';
import { readGlueWasm } from '../../runner/node/glue-file.js';
import { loadLuaWasm, type LuaWasm } from '../../runner/vm/lua/lua-wasm.js';
import { CartMachine, type StepResult } from '../../runner/vm/machine.js';
import { createVmThreadInit } from '../../runner/common/vm-link/thread-messages.js';

/** The one wasm instance every cart of the rig shares may grow to this (each cart keeps the default heap cap). */
const WASM_MEMORY_BYTES = 512 * 1024 * 1024;

export const NO_INPUT: InputSnapshot = { gamepads: 0, mouseX: 0, mouseY: 0, mouseButtons: 0, scrollX: 0, scrollY: 0, keys: [] };

export interface CartOptions {
  /** TIC() calls to run after boot; 1 by default, 0 runs only the top level and BOOT. */
  frames?: number;
  /** The input snapshot of each frame (index 0 = first frame); missing frames get NO_INPUT. */
  input?: InputSnapshot[];
  data?: CartData;
  /** Banks 1..7 of the cart, for sync(). */
  otherBanks?: CartData[];
  name?: string;
  /** Called before frame N (0-based) runs, e.g. to pick a game menu item. */
  beforeFrame?: (machine: CartMachine, frame: number) => void;
  /** Lua instructions a frame may run (0, the default: no budget). */
  instructionBudget?: number;
  /** Sees each completed frame (1-based) with its 256 x 144 RGBA pixels and its audio (reused buffers: copy what you keep). */
  onFrame?: (frame: number, pixels: Uint8Array, audio: Int16Array) => void;
}

export interface CartError {
  message: string;
  line?: number;
  traceback?: string;
}

export interface CartRun {
  /** How the last step (or boot, if it failed) ended. */
  status: StepResult;
  /** Frames completed. */
  frames: number;
  ram: Uint8Array;
  /** The last frame's 256 x 144 RGBA pixels (all zero when no frame was made). */
  frame: Uint8Array;
  /** The last frame as the VM recorded it (compact-frame.ts); empty when no frame was made. */
  compact: Uint8Array;
  traces: { text: string; color: number }[];
  error?: CartError;
}

export class Rig {
  readonly #wasm: LuaWasm;
  private constructor(wasm: LuaWasm) {
    this.#wasm = wasm;
  }

  static async load(): Promise<Rig> {
    return new Rig(await loadLuaWasm(readGlueWasm(), { share: false, memoryLimitBytes: WASM_MEMORY_BYTES }));
  }

  /** A cart whose TIC() is body (so body's first line is cart line 2). */
  tic(body: string, options: CartOptions = {}): CartRun {
    return this.run(`function TIC()\n${body}\nend\n`, options);
  }

  /** Boots the cart and runs its frames; stops at the first error or exit. */
  run(code: string, options: CartOptions = {}): CartRun {
    const traces: CartRun['traces'] = [];
    let error: CartError | undefined;
    const events = {
      send: (msg: RunnerMessage) => {
        if (msg.type === 'trace') traces.push({ text: msg.text, color: msg.color });
        if (msg.type === 'error' && !error) {
          error = { message: msg.message, ...(msg.line ? { line: msg.line } : {}), ...(msg.traceback ? { traceback: msg.traceback } : {}) };
        }
      },
    };
    const shared = createVmThreadInit({ ...DEFAULT_RUNNER_FLAGS, instructionBudget: options.instructionBudget ?? 0 });
    const cart = {
      name: options.name ?? 'cart.lua',
      code,
      ...(options.data ? { data: options.data } : {}),
      ...(options.otherBanks ? { otherBanks: options.otherBanks } : {}),
    };
    const machine = new CartMachine(this.#wasm, shared, cart, { deterministic: true, pacing: 'fast' }, events);
    const frame = new Uint8Array(FRAME_BYTES);
    const screen = new CompactFrameWriter();
    const audio = new Int16Array(AUDIO_SAMPLES);
    const frames = options.frames ?? 1;
    let status = machine.boot();
    let done = 0;
    let compact = new Uint8Array(0);
    while (status === 'ok' && done < frames) {
      options.beforeFrame?.(machine, done);
      status = machine.step(options.input?.[done] ?? NO_INPUT, screen, audio);
      if (status !== 'error') {
        compact = screen.finish();
        composeFrame(CompactFrame.of(compact), frame);
        done++;
        options.onFrame?.(done, frame, audio);
      }
    }
    return { status, frames: done, ram: machine.ram, frame, compact, traces, ...(error ? { error } : {}) };
  }
}
