// What a data editor (sprites, map, sfx, music) gets from the studio: the open cart's data, a way
// to change one section as a whole (marking the cart unsaved, autosaving it), and the sound output.
import type { Cart } from '../../runner/common/cart/index.js';
import type { CartSection } from '../../runner/common/protocol.js';
import type { StudioAudio } from '../audio/studio-audio.js';

export interface EditorHost {
  /** The open cart as it is now (treat its arrays as read-only; change them through setSection). */
  cart(): Cart;
  /** Replaces one section of one bank with new bytes of the same size. */
  setSection(bank: number, section: CartSection, bytes: Uint8Array): void;
  /** Called after any change to the cart: an edit, an undo, or another cart opened. */
  onCartChange(listener: () => void): void;
  /** Called when another cart was opened or created in place of this one. */
  onCartReplaced(listener: () => void): void;
  /** The studio's sound output, for editors that play notes. */
  readonly audio: StudioAudio;
}

/** One tab of the studio's editor area. */
export interface EditorTab {
  readonly id: string;
  readonly title: string;
  /** Shown in the tab's tooltip: its keyboard shortcut, as TIC-80 users know it (F1-F5). */
  readonly shortcut: string;
  readonly element: HTMLElement;
  /** The tab became visible (e.g. to size its canvases) or hidden. */
  shown(): void;
  hidden(): void;
}
