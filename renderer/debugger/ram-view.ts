// The paused cart's RAM as a hex view of one memory-map region at a time, and its palette.
import { PALETTE_ADDR, PALETTE_BYTES } from '../../runner/common/memory-map.js';
import { el } from '../dom.js';
import { RAM_REGIONS } from './ram-regions.js';

/** Rows shown of a region at once: a region's first 4 KB. */
const MAX_ROWS = 256;
const ROW_BYTES = 16;

const hex = (n: number, digits: number) => n.toString(16).toUpperCase().padStart(digits, '0');

export function ramView(ram: Uint8Array): HTMLElement {
  const select = el('select', 'ram-region');
  RAM_REGIONS.forEach((region, i) => {
    const option = el('option', '', `${hex(region.address, 5)} ${region.name} (${region.bytes} bytes)`);
    option.value = String(i);
    select.append(option);
  });
  const dump = el('pre', 'ram-dump');
  const show = () => {
    const region = RAM_REGIONS[Number(select.value)] ?? RAM_REGIONS[0];
    const lines: string[] = [];
    const end = Math.min(region.address + region.bytes, region.address + MAX_ROWS * ROW_BYTES);
    for (let at = region.address; at < end; at += ROW_BYTES) {
      const row = [...ram.subarray(at, Math.min(at + ROW_BYTES, end))];
      lines.push(`${hex(at, 5)}  ${row.map((b) => hex(b, 2)).join(' ')}`);
    }
    dump.textContent = lines.join('\n');
  };
  select.addEventListener('change', show);
  show();
  const palette = el('div', 'ram-palette');
  for (let i = 0; i < PALETTE_BYTES / 3; i++) {
    const [r, g, b] = ram.subarray(PALETTE_ADDR + i * 3, PALETTE_ADDR + i * 3 + 3);
    const swatch = el('span', 'palette-swatch');
    swatch.style.background = `rgb(${r}, ${g}, ${b})`;
    swatch.title = `${i}: #${hex(r, 2)}${hex(g, 2)}${hex(b, 2)}`;
    palette.append(swatch);
  }
  return el('div', 'ram-view', el('div', 'ram-head', 'RAM ', select), dump, el('div', 'ram-head', 'palette'), palette);
}
