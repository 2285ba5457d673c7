// The fill tool: the 4-connected area of one colour around a pixel, kept inside the edit canvas.
import type { Rect } from './pixel-block.js';
import { readPixel, writePixel, type SheetView } from './sheet-layout.js';

export function floodFill(bytes: Uint8Array, view: SheetView, area: Rect, x: number, y: number, color: number): void {
  const target = readPixel(bytes, view, x, y);
  if (target === color) return;
  const inside = (px: number, py: number) => px >= area.x && py >= area.y && px < area.x + area.w && py < area.y + area.h;
  const pending: [number, number][] = [[x, y]];
  while (pending.length > 0) {
    const [px, py] = pending.pop()!;
    if (!inside(px, py) || readPixel(bytes, view, px, py) !== target) continue;
    writePixel(bytes, view, px, py, color);
    pending.push([px + 1, py], [px - 1, py], [px, py + 1], [px, py - 1]);
  }
}
