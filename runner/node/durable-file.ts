// Writing a file so that a crash at any moment leaves either the old file or the new one, whole:
// the bytes go to a temporary file beside it, which is flushed to disk (fsync) before it is renamed
// over the old one; then the folder is flushed too, so that the rename itself is on disk.
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

let writes = 0;

export async function writeFileDurably(filePath: string, bytes: Uint8Array): Promise<void> {
  // Unique per process and write, so two writes of one file never share a temporary file.
  const temporary = `${filePath}.${process.pid}-${writes++}.tmp`;
  try {
    const file = await open(temporary, 'w');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, filePath);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
  await syncFolder(path.dirname(filePath));
}

/** Windows cannot open a folder as a file (and its file system journals renames), so only POSIX systems do this. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
