// Cart files in the desktop app: the main process shows the native dialogs and reads and writes
// the files (electron/electron-main/cart-file-host.ts); it also keeps the recent list, from the
// files it read and wrote.
import type { NibbleElectronBridge } from '../runner-link/electron-bridge.js';
import type { CartFileAccess, CartFileEvents, RecentEntry, SaveRequest, SavedCartFile } from './cart-file-access.js';

export class ElectronCartFiles implements CartFileAccess {
  readonly #bridge: NibbleElectronBridge;
  readonly #events: CartFileEvents;

  constructor(bridge: NibbleElectronBridge, events: CartFileEvents) {
    this.#bridge = bridge;
    this.#events = events;
  }

  open(): void {
    this.#bridge.openCart().then(
      (file) => {
        if (file) this.#events.picked({ name: file.name, bytes: file.bytes, location: file.path });
      },
      (err: unknown) => this.#events.failed((err as Error).message),
    );
  }

  openRecent(id: string): void {
    this.#bridge.openRecentCart(id).then(
      (file) => this.#events.picked({ name: file.name, bytes: file.bytes, location: file.path }),
      (err: unknown) => this.#events.failed((err as Error).message),
    );
  }

  async recent(): Promise<RecentEntry[]> {
    return (await this.#bridge.recentCarts()).map(({ name, path }) => ({ id: path, name, detail: path }));
  }

  async save(request: SaveRequest): Promise<SavedCartFile | null> {
    const target = await this.#bridge.saveCartTarget(request.name, request.location, request.saveAs);
    if (!target) return null;
    await this.#bridge.writeCartFile(target.path, request.encode(target.name));
    return { name: target.name, location: target.path };
  }
}
