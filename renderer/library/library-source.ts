// Where the library's carts come from: a folder the user picked, kept for next time (the desktop
// app reads any folder through its main process; a browser keeps a directory handle, or the files
// of a dropped folder or .zip, in IndexedDB).

/** A cart of the library's folder, not yet read as a cart. */
export interface LibraryFile {
  /** Its place in the folder (a path): what favourites and play times are kept under. */
  key: string;
  name: string;
  bytes: Uint8Array;
  /** Its path in the desktop app (where the editor saves it back); null in a browser. */
  location: string | null;
}

export interface LibraryFolder {
  /** The folder as the library names it (its path, or its name in a browser). */
  label: string;
  files: LibraryFile[];
  /** The folder holds more than MAX_LIBRARY_CARTS carts: the first ones (by path) are listed. */
  truncated: boolean;
}

/** A kept folder the browser may read again only after the user says so (a click). */
export interface FolderToReconnect {
  label: string;
  reconnect(): Promise<LibraryFolder>;
}

export interface LibrarySource {
  /** The folder kept from last time: read, or waiting for a click; null when there is none. */
  restore(): Promise<LibraryFolder | FolderToReconnect | null>;
  /** Asks the user for a folder; null when they cancelled. */
  pickFolder(): Promise<LibraryFolder | null>;
  /** A folder or .zip dropped on the library, or a .zip picked (browser only: the desktop app's folders are picked). */
  readonly takesDrops: boolean;
  fromDrop(data: DataTransfer): Promise<LibraryFolder | null>;
  fromZip(file: File): Promise<LibraryFolder>;
}
