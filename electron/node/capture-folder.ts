// The desktop app's captures (screenshots and GIFs): written into one folder, never over a file
// already there. Main checks what the page sends: a bare .png or .gif name and bytes of a bounded size.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isFileName } from './cart-file-ipc.js';

/** A 60-second GIF at a large scale stays well under this. */
export const MAX_CAPTURE_BYTES = 256 * 1024 * 1024;

export interface CaptureRequest {
  name: string;
  bytes: Uint8Array;
}

export function parseCaptureRequest(name: unknown, bytes: unknown): CaptureRequest | null {
  if (!isFileName(name) || !/\.(png|gif)$/i.test(name)) return null;
  if (!(bytes instanceof Uint8Array) || bytes.length > MAX_CAPTURE_BYTES) return null;
  return { name, bytes: new Uint8Array(bytes) };
}

export class CaptureFolder {
  readonly #folder: string;

  constructor(folder: string) {
    this.#folder = folder;
  }

  /** Writes the capture under its name, or NAME-2, NAME-3... when that is taken; resolves to the path. */
  async save(request: CaptureRequest): Promise<string> {
    await mkdir(this.#folder, { recursive: true });
    const extension = path.extname(request.name);
    const base = request.name.slice(0, -extension.length);
    for (let n = 1; ; n++) {
      const filePath = path.join(this.#folder, n === 1 ? request.name : `${base}-${n}${extension}`);
      try {
        await writeFile(filePath, request.bytes, { flag: 'wx' });
        return filePath;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`cannot write ${filePath}: ${(err as Error).message}`);
      }
    }
  }
}
