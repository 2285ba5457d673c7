// The library's folder in a browser: a directory handle from showDirectoryPicker where the browser
// has it (read again at the next visit, once the user allows it), else the files of a folder picked
// with a folder input, dropped, or zipped, copied into IndexedDB.
import { isCartFileName, MAX_LIBRARY_CART_BYTES, MAX_LIBRARY_CARTS } from '../../runner/common/cart-library.js';
import { cartsInZip } from './cart-archive.js';
import type { FolderToReconnect, LibraryFile, LibraryFolder, LibrarySource } from './library-source.js';

const DB_NAME = 'nibble-library';
const STORE_NAME = 'folder';
const FOLDER_KEY = 'folder';

/** The parts of the File System Access API used here (not in TypeScript's DOM types). */
interface DirectoryHandle {
  readonly kind: 'directory';
  readonly name: string;
  values(): AsyncIterable<DirectoryHandle | FileHandle>;
  queryPermission(options: { mode: 'read' }): Promise<PermissionState>;
  requestPermission(options: { mode: 'read' }): Promise<PermissionState>;
}
interface FileHandle {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<File>;
}
type DirectoryPicker = (options: { mode: 'read' }) => Promise<DirectoryHandle>;

type KeptFolder = { kind: 'handle'; handle: DirectoryHandle } | { kind: 'files'; label: string; files: { path: string; bytes: Uint8Array }[] };

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

async function openDb(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE_NAME);
  return request(open);
}

async function keep(folder: KeptFolder): Promise<void> {
  const db = await openDb();
  try {
    await request(db.transaction(STORE_NAME, 'readwrite').objectStore(STORE_NAME).put(folder, FOLDER_KEY));
  } finally {
    db.close();
  }
}

async function kept(): Promise<KeptFolder | undefined> {
  const db = await openDb();
  try {
    return (await request(db.transaction(STORE_NAME).objectStore(STORE_NAME).get(FOLDER_KEY))) as KeptFolder | undefined;
  } finally {
    db.close();
  }
}

function folderOf(label: string, files: { path: string; bytes: Uint8Array }[]): LibraryFolder {
  const listed: LibraryFile[] = files.slice(0, MAX_LIBRARY_CARTS).map(({ path, bytes }) => ({
    key: `${label}/${path}`,
    name: path.slice(path.lastIndexOf('/') + 1),
    bytes,
    location: null,
  }));
  return { label, files: listed, truncated: files.length > MAX_LIBRARY_CARTS };
}

async function readFiles(files: Iterable<{ path: string; file: File }>): Promise<{ path: string; bytes: Uint8Array }[]> {
  const read: { path: string; bytes: Uint8Array }[] = [];
  for (const { path, file } of files) {
    if (!isCartFileName(file.name) || file.size > MAX_LIBRARY_CART_BYTES) continue;
    read.push({ path, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (read.length > MAX_LIBRARY_CARTS) break;
  }
  return read.sort((a, b) => a.path.localeCompare(b.path));
}

async function* handleFiles(dir: DirectoryHandle, prefix = ''): AsyncGenerator<{ path: string; file: File }> {
  for await (const entry of dir.values()) {
    if (entry.name.startsWith('.')) continue;
    if (entry.kind === 'directory') yield* handleFiles(entry, `${prefix}${entry.name}/`);
    else if (isCartFileName(entry.name)) yield { path: `${prefix}${entry.name}`, file: await entry.getFile() };
  }
}

async function readHandle(handle: DirectoryHandle): Promise<LibraryFolder> {
  const files: { path: string; file: File }[] = [];
  for await (const found of handleFiles(handle)) {
    files.push(found);
    if (files.length > MAX_LIBRARY_CARTS) break;
  }
  return folderOf(handle.name, await readFiles(files));
}

/** The files under a dropped folder (the older entries API, which every browser has for drops). */
async function entryFiles(entry: FileSystemEntry, prefix = ''): Promise<{ path: string; file: File }[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path: `${prefix}${entry.name}`, file }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const found: { path: string; file: File }[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return found;
    for (const child of batch) {
      if (child.name.startsWith('.')) continue;
      found.push(...(await entryFiles(child, `${prefix}${entry.name}/`)));
      if (found.length > MAX_LIBRARY_CARTS) return found;
    }
  }
}

/** A folder input's files: the fallback where there is no showDirectoryPicker. */
function pickWithInput(): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.webkitdirectory = true;
    input.addEventListener('change', () => resolve(input.files ? [...input.files] : null));
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

export class BrowserLibrarySource implements LibrarySource {
  readonly takesDrops = true;

  async restore(): Promise<LibraryFolder | FolderToReconnect | null> {
    const folder = await kept();
    if (!folder) return null;
    if (folder.kind === 'files') return folderOf(folder.label, folder.files);
    const { handle } = folder;
    if ((await handle.queryPermission({ mode: 'read' })) === 'granted') return readHandle(handle);
    return {
      label: handle.name,
      reconnect: async () => {
        if ((await handle.requestPermission({ mode: 'read' })) !== 'granted')
          throw new Error(`the browser was not allowed to read ${handle.name} again: pick the folder`);
        return readHandle(handle);
      },
    };
  }

  async pickFolder(): Promise<LibraryFolder | null> {
    const picker = (window as { showDirectoryPicker?: DirectoryPicker }).showDirectoryPicker;
    if (picker) {
      let handle: DirectoryHandle;
      try {
        handle = await picker({ mode: 'read' });
      } catch (err) {
        if (err instanceof DOMException && err.name === 'AbortError') return null;
        throw err;
      }
      await keep({ kind: 'handle', handle });
      return readHandle(handle);
    }
    const files = await pickWithInput();
    if (!files || files.length === 0) return null;
    const label = files[0].webkitRelativePath.split('/')[0] || 'folder';
    return this.#keepFiles(label, await readFiles(files.map((file) => ({ path: file.webkitRelativePath || file.name, file }))));
  }

  async fromDrop(data: DataTransfer): Promise<LibraryFolder | null> {
    const entries = [...data.items].map((item) => item.webkitGetAsEntry()).filter((entry): entry is FileSystemEntry => entry !== null);
    const zip = [...data.files].find((file) => /\.zip$/i.test(file.name));
    if (zip && entries.every((entry) => entry.isFile)) return this.fromZip(zip);
    const found = (await Promise.all(entries.map((entry) => entryFiles(entry)))).flat();
    if (found.length === 0) return null;
    const label = entries.length === 1 && entries[0].isDirectory ? entries[0].name : 'dropped carts';
    return this.#keepFiles(label, await readFiles(found));
  }

  async fromZip(file: File): Promise<LibraryFolder> {
    const carts = cartsInZip(file.name, new Uint8Array(await file.arrayBuffer()));
    return this.#keepFiles(file.name, carts);
  }

  async #keepFiles(label: string, files: { path: string; bytes: Uint8Array }[]): Promise<LibraryFolder> {
    await keep({ kind: 'files', label, files });
    return folderOf(label, files);
  }
}
