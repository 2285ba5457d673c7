// The edit canvas's one-step actions on the selection, or on the whole canvas when nothing is
// selected: flips, rotation, erase, and pasting a copied block. Each returns the section's new
// bytes and where the selection is afterwards.
import { fillRect, PixelBlock, readBlock, writeBlock, type Rect } from './pixel-block.js';
import type { SheetView } from './sheet-layout.js';

export interface ActionResult {
  bytes: Uint8Array;
  /** In page pixels; null when the action leaves nothing selected. */
  selection: Rect | null;
}

/** Pixels left behind by erase, cut and moves: colour 0, the one spr() and map() usually skip. */
export const BLANK_COLOR = 0;

export function flip(bytes: Uint8Array, view: SheetView, target: Rect, horizontal: boolean): Uint8Array {
  const out = bytes.slice();
  const block = readBlock(out, view, target);
  writeBlock(out, view, horizontal ? block.flippedHorizontally() : block.flippedVertically(), target.x, target.y, target);
  return out;
}

/** A quarter turn clockwise about the target's top-left corner, cut to the canvas. */
export function rotate(bytes: Uint8Array, view: SheetView, target: Rect, canvas: Rect): ActionResult {
  const out = bytes.slice();
  const block = readBlock(out, view, target).rotatedClockwise();
  fillRect(out, view, target, BLANK_COLOR);
  writeBlock(out, view, block, target.x, target.y, canvas);
  return { bytes: out, selection: clip({ x: target.x, y: target.y, w: block.width, h: block.height }, canvas) };
}

export function erase(bytes: Uint8Array, view: SheetView, target: Rect): Uint8Array {
  const out = bytes.slice();
  fillRect(out, view, target, BLANK_COLOR);
  return out;
}

/** Pastes with the block's top-left at (x, y); the pasted part stays selected, to be moved. */
export function paste(bytes: Uint8Array, view: SheetView, block: PixelBlock, x: number, y: number, canvas: Rect): ActionResult {
  const out = bytes.slice();
  writeBlock(out, view, block, x, y, canvas);
  return { bytes: out, selection: clip({ x, y, w: block.width, h: block.height }, canvas) };
}

export function clip(rect: Rect, bounds: Rect): Rect | null {
  const x0 = Math.max(rect.x, bounds.x);
  const y0 = Math.max(rect.y, bounds.y);
  const x1 = Math.min(rect.x + rect.w, bounds.x + bounds.w);
  const y1 = Math.min(rect.y + rect.h, bounds.y + bounds.h);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}
