// The studio's only door to the main process, exposed as window.nibbleElectron. Sandboxed
// preloads are CommonJS and can require nothing but Electron's own modules, so this file stands
// alone; its types come from the modules it checks itself against at compile time.
import { contextBridge, ipcRenderer } from 'electron';
import type { AutosavedCart } from '../node/autosave-file.js' with { 'resolution-mode': 'import' };
import type { IpcResult, OpenedCartFile, RecentCart, SaveTarget } from '../node/cart-file-ipc.js' with { 'resolution-mode': 'import' };
import type { IpcChannels } from '../node/ipc-channels.js' with { 'resolution-mode': 'import' };
import type { LibraryListing } from '../node/library-folder.js' with { 'resolution-mode': 'import' };
import type { RunnerGoneInfo } from '../node/runner-slot.js' with { 'resolution-mode': 'import' };

const CHANNELS: IpcChannels = {
  startRunner: 'runner:start',
  stopRunner: 'runner:stop',
  runnerPort: 'runner:port',
  runnerGone: 'runner:gone',
  openCart: 'cart:open',
  openRecentCart: 'cart:open-recent',
  recentCarts: 'cart:recent',
  saveCartTarget: 'cart:save-target',
  writeCartFile: 'cart:write',
  loadAutosave: 'autosave:load',
  saveAutosave: 'autosave:save',
  libraryFolder: 'library:folder',
  pickLibraryFolder: 'library:pick',
  takeCartToPlay: 'play:take',
  cartToPlay: 'play:arrived',
  saveCapture: 'capture:save',
};

/** Marks the window message that carries a runner's MessagePort from this preload to the page. */
const PORT_MESSAGE_TYPE = 'nibble:runner-port';

/** The parts of the page's window this file uses (the project compiles without DOM types). */
interface PageMessageEvent {
  readonly source: unknown;
  readonly origin: string;
  readonly data: unknown;
  readonly ports: readonly unknown[];
}
interface PageWindow {
  readonly location: { readonly origin: string };
  addEventListener(type: 'message', listener: (event: PageMessageEvent) => void): void;
  postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void;
}
declare const window: PageWindow;

/** What the preload hands to the page's world: plain functions, which the context bridge proxies. */
interface IsolatedBridge {
  startRunner(): void;
  stopRunner(): void;
  onRunnerGone(callback: (info: RunnerGoneInfo) => void): void;
  openCart(): Promise<OpenedCartFile | null>;
  openRecentCart(path: string): Promise<OpenedCartFile>;
  recentCarts(): Promise<RecentCart[]>;
  saveCartTarget(name: string, currentPath: string | null, saveAs: boolean): Promise<SaveTarget | null>;
  writeCartFile(path: string, bytes: Uint8Array): Promise<void>;
  loadAutosave(): Promise<AutosavedCart | null>;
  saveAutosave(doc: AutosavedCart): Promise<void>;
  libraryFolder(): Promise<LibraryListing | null>;
  pickLibraryFolder(): Promise<LibraryListing | null>;
  takeCartToPlay(): Promise<OpenedCartFile | null>;
  onCartToPlay(callback: () => void): void;
  saveCapture(name: string, bytes: Uint8Array): Promise<string>;
}

/** Main answers every invoke with an IpcResult; its error becomes this promise's rejection. */
async function invokeMain<T>(channel: string, ...args: unknown[]): Promise<T> {
  const result = (await ipcRenderer.invoke(channel, ...args)) as IpcResult<T>;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The page's arguments are checked here before they reach main (which checks them again). */
function refuse(call: string, what: string): Promise<never> {
  return Promise.reject(new TypeError(`nibbleElectron.${call}: ${what}`));
}

const goneListeners: ((info: RunnerGoneInfo) => void)[] = [];
const cartToPlayListeners: (() => void)[] = [];

ipcRenderer.on(CHANNELS.cartToPlay, () => {
  for (const listener of cartToPlayListeners) listener();
});

ipcRenderer.on(CHANNELS.runnerGone, (_event, info: RunnerGoneInfo) => {
  for (const listener of goneListeners) listener({ code: info.code, signal: info.signal, reason: info.reason });
});

// A MessagePort cannot cross the context bridge, so it travels to the page by window.postMessage.
ipcRenderer.on(CHANNELS.runnerPort, (event) => {
  const port: unknown = event.ports[0];
  if (port !== undefined) window.postMessage({ type: PORT_MESSAGE_TYPE }, window.location.origin, [port]);
});

const bridge: IsolatedBridge = {
  startRunner: () => ipcRenderer.send(CHANNELS.startRunner),
  stopRunner: () => ipcRenderer.send(CHANNELS.stopRunner),
  onRunnerGone: (callback) => {
    goneListeners.push(callback);
  },
  openCart: () => invokeMain(CHANNELS.openCart),
  openRecentCart: (path) => (typeof path === 'string' ? invokeMain(CHANNELS.openRecentCart, path) : refuse('openRecentCart', 'path must be a string')),
  recentCarts: () => invokeMain(CHANNELS.recentCarts),
  saveCartTarget: (name, currentPath, saveAs) => {
    if (typeof name !== 'string' || (currentPath !== null && typeof currentPath !== 'string') || typeof saveAs !== 'boolean') {
      return refuse('saveCartTarget', 'expects (name: string, currentPath: string | null, saveAs: boolean)');
    }
    return invokeMain(CHANNELS.saveCartTarget, name, currentPath, saveAs);
  },
  writeCartFile: async (path, bytes) => {
    if (typeof path !== 'string' || !(bytes instanceof Uint8Array)) return refuse('writeCartFile', 'expects (path: string, bytes: Uint8Array)');
    await invokeMain<null>(CHANNELS.writeCartFile, path, bytes);
  },
  loadAutosave: () => invokeMain(CHANNELS.loadAutosave),
  saveAutosave: async (doc) => {
    if (typeof doc !== 'object' || doc === null) return refuse('saveAutosave', 'expects the open cart ({ cart, name, location, dirty })');
    await invokeMain<null>(CHANNELS.saveAutosave, doc);
  },
  libraryFolder: () => invokeMain(CHANNELS.libraryFolder),
  pickLibraryFolder: () => invokeMain(CHANNELS.pickLibraryFolder),
  takeCartToPlay: () => invokeMain(CHANNELS.takeCartToPlay),
  onCartToPlay: (callback) => {
    cartToPlayListeners.push(callback);
  },
  saveCapture: (name, bytes) => {
    if (typeof name !== 'string' || !(bytes instanceof Uint8Array)) return refuse('saveCapture', 'expects (name: string, bytes: Uint8Array)');
    return invokeMain(CHANNELS.saveCapture, name, bytes);
  },
};

/**
 * Runs in the page's own world (Electron serialises it, so it may use nothing from this module).
 * The port listener has to live there: only a page-world listener receives a usable MessagePort.
 * A port that arrives before the page listens is kept for its first listener.
 */
function installPageApi(isolated: IsolatedBridge, portMessageType: string): void {
  const portListeners: ((port: unknown) => void)[] = [];
  let waitingPort: unknown;
  window.addEventListener('message', (event) => {
    if (event.source !== window || event.origin !== window.location.origin || event.ports.length !== 1) return;
    const data = event.data;
    if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== portMessageType) return;
    const port = event.ports[0];
    if (portListeners.length === 0) {
      waitingPort = port;
      return;
    }
    for (const listener of portListeners) listener(port);
  });
  const api = Object.freeze({
    startRunner: (): void => isolated.startRunner(),
    stopRunner: (): void => isolated.stopRunner(),
    onRunnerPort: (callback: (port: unknown) => void): void => {
      portListeners.push(callback);
      if (waitingPort !== undefined) {
        const port = waitingPort;
        waitingPort = undefined;
        callback(port);
      }
    },
    onRunnerGone: (callback: (info: RunnerGoneInfo) => void): void => isolated.onRunnerGone(callback),
    openCart: () => isolated.openCart(),
    openRecentCart: (path: string) => isolated.openRecentCart(path),
    recentCarts: () => isolated.recentCarts(),
    saveCartTarget: (name: string, currentPath: string | null, saveAs: boolean) => isolated.saveCartTarget(name, currentPath, saveAs),
    writeCartFile: (path: string, bytes: Uint8Array) => isolated.writeCartFile(path, bytes),
    loadAutosave: () => isolated.loadAutosave(),
    saveAutosave: (doc: AutosavedCart) => isolated.saveAutosave(doc),
    libraryFolder: () => isolated.libraryFolder(),
    pickLibraryFolder: () => isolated.pickLibraryFolder(),
    takeCartToPlay: () => isolated.takeCartToPlay(),
    onCartToPlay: (callback: () => void): void => isolated.onCartToPlay(callback),
    saveCapture: (name: string, bytes: Uint8Array) => isolated.saveCapture(name, bytes),
  });
  Object.defineProperty(window, 'nibbleElectron', { value: api, enumerable: true });
}

contextBridge.executeInMainWorld({ func: installPageApi, args: [bridge, PORT_MESSAGE_TYPE] });
