// The library's folder in the desktop app: any folder, picked with the native dialog and
// remembered by the main process, which reads its carts.
import type { ElectronLibraryListing, NibbleElectronBridge } from '../runner-link/electron-bridge.js';
import type { FolderToReconnect, LibraryFolder, LibrarySource } from './library-source.js';

function folderOf(listing: ElectronLibraryListing): LibraryFolder {
  return {
    label: listing.folder,
    files: listing.files.map((file) => ({ key: file.path, name: file.name, bytes: file.bytes, location: file.path })),
    truncated: listing.truncated,
  };
}

export class ElectronLibrarySource implements LibrarySource {
  readonly takesDrops = false;
  readonly #bridge: NibbleElectronBridge;

  constructor(bridge: NibbleElectronBridge) {
    this.#bridge = bridge;
  }

  async restore(): Promise<LibraryFolder | FolderToReconnect | null> {
    const listing = await this.#bridge.libraryFolder();
    return listing && folderOf(listing);
  }

  async pickFolder(): Promise<LibraryFolder | null> {
    const listing = await this.#bridge.pickLibraryFolder();
    return listing && folderOf(listing);
  }

  fromDrop(): Promise<LibraryFolder | null> {
    return Promise.resolve(null);
  }

  fromZip(file: File): Promise<LibraryFolder> {
    return Promise.reject(new Error(`${file.name}: the desktop app's library is a folder; unzip it and pick the folder`));
  }
}
