// What the Electron preload exposes to the studio page (contextBridge, so plain functions only).
import type { CartDocument } from '../cart-document.js';

export interface RunnerGoneInfo {
  code: number | null;
  signal: string | null;
  reason: 'stopped' | 'crashed';
}

/** A cart file read by the main process. */
export interface ElectronCartFile {
  name: string;
  path: string;
  bytes: Uint8Array;
}

export interface NibbleElectronBridge {
  /** Spawns a runner process; its MessagePort then arrives through onRunnerPort. */
  startRunner(): void;
  /** Ends the current runner process. */
  stopRunner(): void;
  onRunnerPort(cb: (port: MessagePort) => void): void;
  onRunnerGone(cb: (info: RunnerGoneInfo) => void): void;
  /** The native open dialog; null when the user cancelled. */
  openCart(): Promise<ElectronCartFile | null>;
  /** Reads a file from the recent list (only those). */
  openRecentCart(path: string): Promise<ElectronCartFile>;
  /** Carts opened or saved lately, newest first. */
  recentCarts(): Promise<{ name: string; path: string }[]>;
  /**
   * Where a save goes: the cart's own file when it has one under that name (and saveAs is false),
   * else where the user picks in the native save dialog; null when they cancelled.
   */
  saveCartTarget(name: string, currentPath: string | null, saveAs: boolean): Promise<{ name: string; path: string } | null>;
  /** Writes a file at a path saveCartTarget gave (or a recent cart's). */
  writeCartFile(path: string, bytes: Uint8Array): Promise<void>;
  /** The autosaved open cart, kept by the main process in the app's data folder; null when there is none. */
  loadAutosave(): Promise<CartDocument | null>;
  /** Keeps the open cart there; resolves once it is on disk. */
  saveAutosave(doc: CartDocument): Promise<void>;
  /** Saves a screenshot or GIF into the app's captures folder; resolves to the path written. */
  saveCapture(name: string, bytes: Uint8Array): Promise<string>;
  /** The library folder's carts (any folder the user picked, remembered); null when none was picked, or it is gone. */
  libraryFolder(): Promise<ElectronLibraryListing | null>;
  /** The native folder dialog; the folder picked becomes the library's. Null when the user cancelled. */
  pickLibraryFolder(): Promise<ElectronLibraryListing | null>;
  /** The cart given to the app to play (a file argument, "open with"), once; null when there is none. */
  takeCartToPlay(): Promise<ElectronCartFile | null>;
  /** Called when a cart to play arrives while the studio runs. */
  onCartToPlay(cb: () => void): void;
}

/** A library folder as the main process read it. */
export interface ElectronLibraryListing {
  folder: string;
  files: ElectronCartFile[];
  truncated: boolean;
}

declare global {
  interface Window {
    /** Present only inside the desktop app. */
    readonly nibbleElectron?: NibbleElectronBridge;
  }
}
