// The size of exported games (nibble export): each cart of carts/ as one HTML file.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportGame, readPlayerParts } from '../../runner/node/export-game.js';
import type { Figure } from './figures.js';

const KB = 1024;

export async function exportSizeBench(): Promise<Figure[]> {
  const parts = readPlayerParts();
  const work = mkdtempSync(join(tmpdir(), 'nibble-export-bench-'));
  const figures: Figure[] = [];
  try {
    const carts = readdirSync('carts').filter((f) => f.endsWith('.lua'));
    for (const cart of carts) {
      const html = join(work, `${cart}.html`);
      await exportGame(join('carts', cart), html, parts);
      figures.push({
        key: `export_${cart.replace(/\.lua$/, '')}_kb`,
        value: statSync(html).size / KB,
        unit: 'KB',
        about: `nibble export carts/${cart}: the one HTML file (player, Lua VM, cart), at most 1.5 MB for a small cart`,
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return figures;
}
