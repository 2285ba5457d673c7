// How the studio reaches cart files, whatever the host: native dialogs and the file system in the
// desktop app, a file input and downloads in the browser.

/** A file the user picked, dropped or reopened, not yet read as a cart. */
export interface PickedCartFile {
  name: string;
  bytes: Uint8Array;
  /** Its path in the desktop app; null in the browser. */
  location: string | null;
}

export interface RecentEntry {
  /** What openRecent takes. */
  id: string;
  name: string;
  /** Shown as a tooltip: the path, or where the browser keeps it. */
  detail: string;
}

export interface SaveRequest {
  name: string;
  location: string | null;
  /** Ask for a name (and place) even when the cart has one. */
  saveAs: boolean;
  /** The file's bytes for the name it is finally saved under (its extension picks the format). */
  encode(name: string): Uint8Array;
}

export interface SavedCartFile {
  name: string;
  location: string | null;
}

/** Where picked and reopened files go, and what went wrong on the way. */
export interface CartFileEvents {
  picked(file: PickedCartFile): void;
  failed(message: string): void;
}

export interface CartFileAccess {
  /** Lets the user pick a cart file; it arrives through CartFileEvents.picked. */
  open(): void;
  /** Reopens a recent cart; it arrives through CartFileEvents.picked. */
  openRecent(id: string): void;
  /** Recent carts, newest first. */
  recent(): Promise<RecentEntry[]>;
  /** Null when the user cancelled; throws (with a message for the console) when it failed. */
  save(request: SaveRequest): Promise<SavedCartFile | null>;
  /** A cart was opened (from any source), for hosts that keep the recent list here. */
  remember?(file: PickedCartFile): void;
}
