// window.__nibblePlayer: what end-to-end tests read of an exported game's page, as a person sees
// it (the last frame, the page's own frame rate, the run's state); it offers no way in.
import type { StudioState } from '../studio-state.js';

export interface NibblePlayerAutomation {
  /** A copy of the last 256x144 RGBA frame shown, or null before one. */
  lastFrame(): Uint8Array | null;
  /** Frames the page drew in the last second. */
  screenFps(): number;
  /** Frames of the cart shown since the page opened. */
  framesShown(): number;
  state(): StudioState;
}

declare global {
  interface Window {
    readonly __nibblePlayer?: NibblePlayerAutomation;
  }
}

export function installPlayerAutomation(hook: NibblePlayerAutomation): void {
  Object.defineProperty(window, '__nibblePlayer', { value: Object.freeze({ ...hook }), writable: false, configurable: false, enumerable: false });
}
