// One-device-pixel lines drawn as filled rectangles, which land on whole pixels in every pixi
// renderer (strokes straddle pixel edges).
import type { Graphics } from 'pixi.js';

export interface LineStyle {
  color: number;
  alpha?: number;
}

/** A one-pixel frame just inside the rectangle. */
export function frame(g: Graphics, x: number, y: number, width: number, height: number, style: LineStyle): void {
  const fill = { color: style.color, alpha: style.alpha ?? 1 };
  g.rect(x, y, width, 1).fill(fill);
  g.rect(x, y + height - 1, width, 1).fill(fill);
  g.rect(x, y + 1, 1, height - 2).fill(fill);
  g.rect(x + width - 1, y + 1, 1, height - 2).fill(fill);
}

/** A dark frame around a light one, visible on any tile. */
export function contrastFrame(g: Graphics, x: number, y: number, width: number, height: number, color: number): void {
  frame(g, x - 1, y - 1, width + 2, height + 2, { color: 0x000000, alpha: 0.8 });
  frame(g, x, y, width, height, { color });
}

export function verticalLine(g: Graphics, x: number, height: number, style: LineStyle): void {
  g.rect(x, 0, 1, height).fill({ color: style.color, alpha: style.alpha ?? 1 });
}

export function horizontalLine(g: Graphics, y: number, width: number, style: LineStyle): void {
  g.rect(0, y, width, 1).fill({ color: style.color, alpha: style.alpha ?? 1 });
}
