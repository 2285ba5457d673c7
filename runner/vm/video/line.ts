// line(): TIC-80's float DDA (reference §1.1). All arithmetic is done in C float precision so
// that the truncated pixel positions match.
import { SCREEN_WIDTH } from '../../common/memory-map.js';
import { toF32, toS32 } from './numeric.js';
import type { Raster } from './raster.js';

/** Draws a line with an already palette-mapped colour. */
export function drawLine(raster: Raster, x0: number, y0: number, x1: number, y1: number, color: number): void {
  x0 = toF32(x0);
  y0 = toF32(y0);
  x1 = toF32(x1);
  y1 = toF32(y1);
  if (Math.abs(toF32(x0 - x1)) < Math.abs(toF32(y0 - y1))) {
    // y is the major axis.
    if (y0 > y1) {
      const sx = x0,
        sy = y0;
      x0 = x1;
      y0 = y1;
      x1 = sx;
      y1 = sy;
    }
    const t = toF32(toF32(x1 - x0) / toF32(y1 - y0));
    if (y0 < 0) {
      x0 = toF32(x0 - toF32(y0 * t));
      y0 = 0;
    }
    // Quirk 12: the far end of the major axis is clipped at 240 even when it is y.
    if (y1 > SCREEN_WIDTH) {
      x1 = toF32(x1 + toF32(toF32(SCREEN_WIDTH - y0) * t));
      y1 = SCREEN_WIDTH;
    }
    for (; y0 < y1; y0 = toF32(y0 + 1), x0 = toF32(x0 + t)) raster.plot(toS32(x0), toS32(y0), color);
  } else {
    if (x0 > x1) {
      const sx = x0,
        sy = y0;
      x0 = x1;
      y0 = y1;
      x1 = sx;
      y1 = sy;
    }
    const t = toF32(toF32(y1 - y0) / toF32(x1 - x0));
    if (x0 < 0) {
      y0 = toF32(y0 - toF32(x0 * t));
      x0 = 0;
    }
    if (x1 > SCREEN_WIDTH) {
      y1 = toF32(y1 + toF32(toF32(SCREEN_WIDTH - x0) * t));
      x1 = SCREEN_WIDTH;
    }
    for (; x0 < x1; x0 = toF32(x0 + 1), y0 = toF32(y0 + t)) raster.plot(toS32(x0), toS32(y0), color);
  }
  // The end point of the ordered pair is always plotted, after the far-end clip moved it.
  raster.plot(toS32(x1), toS32(y1), color);
}
