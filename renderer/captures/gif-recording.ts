// A GIF recording of the cart's frames, encoded as they come with omggif: at 60 fps every frame,
// at 30 every other one, up to a number of frames, each frame scaled by an integer and given its
// own palette of the colours it uses (a frame of a 16-colour console rarely has more than a few
// dozen, border and both vbanks included; past 256 the rest take the nearest of the first 256).
import { GifWriter } from 'omggif';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../runner/common/protocol.js';
import type { GifFps } from './capture-settings.js';

const MAX_COLORS = 256;
const CENTISECONDS = 100;
/** Worst case of an LZW-coded pixel (12-bit codes), plus a frame's headers and 256-colour palette. */
const LZW_BYTES_PER_PIXEL = 1.51;
const FRAME_OVERHEAD_BYTES = 1024;

export class GifRecording {
  readonly #scale: number;
  readonly #fps: GifFps;
  readonly #maxFrames: number;
  readonly #writer: GifWriter;
  #frames = 0;
  /** Runner frame index of the first frame taken, so 30 fps keeps every other one from there. */
  #firstIndex: number | null = null;

  constructor(scale: number, fps: GifFps, maxFrames: number) {
    this.#scale = scale;
    this.#fps = fps;
    this.#maxFrames = maxFrames;
    this.#writer = new GifWriter(new Uint8Array(this.#frameBudget() * 2), FRAME_WIDTH * scale, FRAME_HEIGHT * scale, { loop: 0 });
  }

  get frames(): number {
    return this.#frames;
  }

  get full(): boolean {
    return this.#frames >= this.#maxFrames;
  }

  /** The runner's frame `index` (RGBA, 256 x 144); false once the recording is full. */
  add(index: number, rgba: Uint8Array): boolean {
    if (this.full) return false;
    this.#firstIndex ??= index;
    if (this.#fps === 30 && (index - this.#firstIndex) % 2 !== 0) return true;
    const { indexed, palette } = indexFrame(rgba, this.#scale);
    this.#ensureRoom();
    this.#writer.addFrame(0, 0, FRAME_WIDTH * this.#scale, FRAME_HEIGHT * this.#scale, indexed as unknown as number[], {
      palette,
      delay: this.#delay(this.#frames),
    });
    this.#frames++;
    return !this.full;
  }

  /** The GIF file of the frames so far. */
  finish(): Uint8Array {
    this.#ensureRoom();
    const length = this.#writer.end();
    return (this.#writer.getOutputBuffer() as Uint8Array).slice(0, length);
  }

  /** Frame n's delay in hundredths of a second, rounded so that the sum stays on time (at 60 fps: 2, 1, 2, 2, 1...). */
  #delay(n: number): number {
    return Math.round(((n + 1) * CENTISECONDS) / this.#fps) - Math.round((n * CENTISECONDS) / this.#fps);
  }

  #frameBudget(): number {
    return Math.ceil(FRAME_WIDTH * this.#scale * FRAME_HEIGHT * this.#scale * LZW_BYTES_PER_PIXEL) + FRAME_OVERHEAD_BYTES;
  }

  /** omggif writes into a fixed buffer without bounds checks: it grows before any frame could overrun it. */
  #ensureRoom(): void {
    const buffer = this.#writer.getOutputBuffer() as Uint8Array;
    const used = this.#writer.getOutputBufferPosition();
    if (buffer.length - used >= this.#frameBudget()) return;
    const grown = new Uint8Array(Math.max(buffer.length * 2, used + this.#frameBudget()));
    grown.set(buffer.subarray(0, used));
    this.#writer.setOutputBuffer(grown);
  }
}

/** The frame scaled, as indices into a palette of its colours (0xRRGGBB, padded to a power of two). */
function indexFrame(rgba: Uint8Array, scale: number): { indexed: Uint8Array; palette: number[] } {
  const colors = new Map<number, number>();
  const palette: number[] = [];
  const small = new Uint8Array(FRAME_WIDTH * FRAME_HEIGHT);
  for (let i = 0; i < small.length; i++) {
    const rgb = (rgba[i * 4] << 16) | (rgba[i * 4 + 1] << 8) | rgba[i * 4 + 2];
    let index = colors.get(rgb);
    if (index === undefined) {
      index = palette.length < MAX_COLORS ? palette.push(rgb) - 1 : nearest(palette, rgb);
      colors.set(rgb, index);
    }
    small[i] = index;
  }
  let size = 2;
  while (size < palette.length) size *= 2;
  while (palette.length < size) palette.push(0);
  if (scale === 1) return { indexed: small, palette };
  const width = FRAME_WIDTH * scale;
  const indexed = new Uint8Array(width * FRAME_HEIGHT * scale);
  for (let y = 0; y < FRAME_HEIGHT; y++) {
    const row = y * scale * width;
    for (let x = 0; x < FRAME_WIDTH; x++) indexed.fill(small[y * FRAME_WIDTH + x], row + x * scale, row + (x + 1) * scale);
    for (let copy = 1; copy < scale; copy++) indexed.copyWithin(row + copy * width, row, row + width);
  }
  return { indexed, palette };
}

function nearest(palette: readonly number[], rgb: number): number {
  let best = 0;
  let bestDistance = Infinity;
  palette.forEach((color, index) => {
    const dr = ((color >> 16) & 0xff) - ((rgb >> 16) & 0xff);
    const dg = ((color >> 8) & 0xff) - ((rgb >> 8) & 0xff);
    const db = (color & 0xff) - (rgb & 0xff);
    const distance = dr * dr + dg * dg + db * db;
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}
