// What a data editor (sprites, map, sfx, music) gets from the studio: the open cart's data, a way
// to change one section as a whole (marking the cart unsaved, autosaving it), and the sound output.
import type { StudioAudio } from '../audio/studio-audio.js';
import type { SectionStore } from './section-store.js';

export interface EditorHost extends SectionStore {
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
