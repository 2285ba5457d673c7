// The brush: a square of brushSize pixels centred on the pointer, stamped along the pointer's path
// so a quick stroke leaves no gaps.
import type { Rect } from './pixel-block.js';
import { writePixel, type SheetView } from './sheet-layout.js';

export function stamp(bytes: Uint8Array, view: SheetView, area: Rect, x: number, y: number, size: number, color: number): void {
  const start = -Math.floor((size - 1) / 2);
  for (let dy = start; dy < start + size; dy++) {
    for (let dx = start; dx < start + size; dx++) {
      const px = x + dx;
      const py = y + dy;
      if (px >= area.x && py >= area.y && px < area.x + area.w && py < area.y + area.h) writePixel(bytes, view, px, py, color);
    }
  }
}

/** The pixels of a straight line from (x0, y0) to (x1, y1), both ends included (Bresenham). */
export function linePoints(x0: number, y0: number, x1: number, y1: number): [number, number][] {
  const points: [number, number][] = [];
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  for (;;) {
    points.push([x0, y0]);
    if (x0 === x1 && y0 === y1) return points;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x0 += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y0 += sy;
    }
  }
}
