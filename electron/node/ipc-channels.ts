// The IPC channels between Electron's main process and the studio's preload. The sandboxed
// preload cannot import this module at run time, so it restates these names and checks them
// against this type at compile time.

export const IPC_CHANNELS = {
  /** Renderer -> main: end this window's runner, if any, and start a new one. */
  startRunner: 'runner:start',
  /** Renderer -> main: kill this window's runner. */
  stopRunner: 'runner:stop',
  /** Main -> renderer: the MessagePort of the runner just started (message ports only, no payload). */
  runnerPort: 'runner:port',
  /** Main -> renderer: this window's runner process has ended (a RunnerGoneInfo). */
  runnerGone: 'runner:gone',
  /** Renderer -> main, invoked: the open dialog; an IpcResult<OpenedCartFile | null> (null: cancelled). */
  openCart: 'cart:open',
  /** Renderer -> main, invoked with a path from recentCarts: an IpcResult<OpenedCartFile>. */
  openRecentCart: 'cart:open-recent',
  /** Renderer -> main, invoked: an IpcResult<RecentCart[]>, newest first. */
  recentCarts: 'cart:recent',
  /** Renderer -> main, invoked with (name, currentPath, saveAs): an IpcResult<SaveTarget | null>, asking the user where when needed. */
  saveCartTarget: 'cart:save-target',
  /** Renderer -> main, invoked with (path, bytes) for a path the user chose: an IpcResult<null>. */
  writeCartFile: 'cart:write',
  /** Renderer -> main, invoked: an IpcResult<AutosavedCart | null>, the autosaved open cart (null: none yet). */
  loadAutosave: 'autosave:load',
  /** Renderer -> main, invoked with an AutosavedCart: an IpcResult<null> once it is on disk. */
  saveAutosave: 'autosave:save',
  /** Renderer -> main, invoked: an IpcResult<LibraryListing | null>, the remembered library folder's carts (null: none picked, or gone). */
  libraryFolder: 'library:folder',
  /** Renderer -> main, invoked: the folder dialog; an IpcResult<LibraryListing | null> (null: cancelled). The folder is remembered. */
  pickLibraryFolder: 'library:pick',
  /** Renderer -> main, invoked: an IpcResult<OpenedCartFile | null>, the cart given to the app to play (a file argument, "open with"), once. */
  takeCartToPlay: 'play:take',
  /** Main -> renderer: a cart to play has arrived (no payload: the page takes it with takeCartToPlay). */
  cartToPlay: 'play:arrived',
  /** Renderer -> main, invoked with (name, bytes) of a .png or .gif capture: an IpcResult<string>, the path it was saved at. */
  saveCapture: 'capture:save',
} as const;

export type IpcChannels = typeof IPC_CHANNELS;
