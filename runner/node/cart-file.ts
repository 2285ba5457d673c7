// Reading a cart file from disk for a Node host (the CLI, tests).
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { CartSource } from '../common/protocol.js';
import { parseTextCart } from '../common/text-cart.js';

export function readCartFile(path: string): CartSource {
  const name = basename(path);
  if (extname(path).toLowerCase() !== '.lua') throw new Error(`${name}: only Lua text carts (.lua) can be run for now`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the cart ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const { code, data } = parseTextCart(text, name);
  return { name, code, ...(Object.keys(data).length ? { data } : {}) };
}
