// window.__nibble: a small, read-mostly surface for end-to-end tests and automation. It exposes
// what a person sees (the last frame, the studio's own frame rate, the run state), the code text
// and the cart's data; it offers no way to reach the runner other than the studio's own buttons
// and keys.
import type { Breakpoint } from '../runner/common/debug-types.js';
import type { CartSection } from '../runner/common/protocol.js';
import type { StudioState } from './studio-state.js';

export interface NibbleAutomation {
  /** A copy of the last 256x144 RGBA frame received in the current run, or null before one. */
  lastFrame(): Uint8Array | null;
  /** Frames the studio itself drew in the last second (its own ticker, whatever the cart does). */
  studioFps(): number;
  state(): StudioState;
  /** The loudest sample (0..1) the studio's sound output played in the last ~46 ms. */
  audioPeak(): number;
  /** A copy of one section of one bank of the open cart, as the editors last changed it. */
  cartBytes(section: CartSection, bank: number): Uint8Array;
  readonly editor: {
    getCode(): string;
    /** Replaces the code as one undoable edit (and autosaves it, as typing would). */
    setCode(code: string): void;
    /** Sets a breakpoint as Shift+F9 would (a condition or log message without the prompt). */
    setBreakpoint(breakpoint: Breakpoint): void;
    /** The breakpoints at the lines they are at now. */
    breakpoints(): Breakpoint[];
  };
  /** The player over the studio (the library's, `nibble play`'s), as a person sees it. */
  readonly player: {
    /** A copy of its last 256x144 RGBA frame, or null before one (or before the player's first game). */
    lastFrame(): Uint8Array | null;
    /** Its run's state; null before its first game. */
    state(): StudioState | null;
    /** Frames it has shown since its first game. */
    framesShown(): number;
  };
}

declare global {
  interface Window {
    readonly __nibble?: NibbleAutomation;
  }
}

export function installAutomationHook(hook: NibbleAutomation): void {
  const frozen: NibbleAutomation = Object.freeze({ ...hook, editor: Object.freeze({ ...hook.editor }), player: Object.freeze({ ...hook.player }) });
  Object.defineProperty(window, '__nibble', { value: frozen, writable: false, configurable: false, enumerable: false });
}
