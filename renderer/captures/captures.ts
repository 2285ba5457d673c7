// F8 screenshot, F9 GIF recording on and off, F7 the current frame as the cart's cover. A capture
// goes where the host saves it (a download in a browser, the captures folder in the desktop app);
// the cover goes into the open cart's screen section, which a save writes into the cart file.
import { MARGIN_LEFT, MARGIN_TOP, PALETTE_BYTES, SCREEN_HEIGHT, SCREEN_WIDTH } from '../../runner/common/memory-map.js';
import { screenFromRgba } from '../../runner/common/cart/screen-from-rgba.js';
import { FRAME_WIDTH } from '../../runner/common/protocol.js';
import type { CaptureSettings } from './capture-settings.js';
import { GifRecording } from './gif-recording.js';
import { screenshotPng } from './scaled-frame.js';

export interface CapturesHost {
  /** The frame the screen shows (RGBA, 256 x 144), or null before any. */
  lastFrame(): Uint8Array | null;
  /** The open cart's file name, to name captures after. */
  cartName(): string;
  settings(): CaptureSettings;
  /** Saves a capture file; resolves to where it went. */
  save(name: string, bytes: Uint8Array): Promise<string>;
  /** The palettes the open cart runs with (vbank 0 first, runningPalettes), which the cover's colours are taken from. */
  cartPalette(): Uint8Array;
  /** Puts a screen section (a cover) into the open cart's bank 0. */
  setCover(screen: Uint8Array): void;
  info(message: string): void;
  error(message: string): void;
  /** A recording started (true) or ended. */
  recording(on: boolean): void;
}

export class Captures {
  readonly #host: CapturesHost;
  #gif: GifRecording | null = null;

  constructor(host: CapturesHost) {
    this.#host = host;
  }

  get recording(): boolean {
    return this.#gif !== null;
  }

  screenshot(): void {
    const frame = this.#host.lastFrame();
    if (!frame) {
      this.#host.error('No screenshot: there is no frame on the screen yet. Run the cart first.');
      return;
    }
    const { scale } = this.#host.settings();
    void this.#save(this.#fileName('png'), screenshotPng(frame, scale), `Screenshot (x${scale})`);
  }

  /** Starts a recording, or ends the one going on and saves it. */
  toggleGif(): void {
    if (this.#gif) {
      this.stopGif();
      return;
    }
    const { scale, gifFps, gifSeconds } = this.#host.settings();
    this.#gif = new GifRecording(scale, gifFps, gifSeconds * gifFps);
    this.#host.recording(true);
    this.#host.info(`Recording a GIF at ${gifFps} fps, up to ${gifSeconds} s: F9 stops it.`);
  }

  /** Each frame of the run, as it arrives: a recording takes it; a full recording ends. */
  /** rgba: the frame's pixels, composed only while a recording wants them. */
  frame(index: number, rgba: () => Uint8Array): void {
    if (this.#gif && !this.#gif.add(index, rgba())) this.stopGif();
  }

  /** Ends a recording (when the cart stops, or F9) and saves what it holds. */
  stopGif(): void {
    const gif = this.#gif;
    if (!gif) return;
    this.#gif = null;
    this.#host.recording(false);
    if (gif.frames === 0) {
      this.#host.info('The GIF recording ended before any frame: nothing saved.');
      return;
    }
    void this.#save(this.#fileName('gif'), gif.finish(), `GIF of ${gif.frames} frames`);
  }

  setCover(): void {
    const frame = this.#host.lastFrame();
    if (!frame) {
      this.#host.error('No cover: there is no frame on the screen yet. Run the cart first.');
      return;
    }
    const screen = new Uint8Array(SCREEN_WIDTH * SCREEN_HEIGHT * 4);
    for (let y = 0; y < SCREEN_HEIGHT; y++) {
      const from = ((y + MARGIN_TOP) * FRAME_WIDTH + MARGIN_LEFT) * 4;
      screen.set(frame.subarray(from, from + SCREEN_WIDTH * 4), y * SCREEN_WIDTH * 4);
    }
    this.#host.setCover(screenFromRgba(screen, this.#host.cartPalette().subarray(0, PALETTE_BYTES)));
    this.#host.info(`This frame is now the cover of ${this.#host.cartName()}: saving the cart writes it in.`);
  }

  async #save(name: string, bytes: Uint8Array, what: string): Promise<void> {
    try {
      const where = await this.#host.save(name, bytes);
      this.#host.info(`${what} saved: ${where}`);
    } catch (err) {
      this.#host.error(`${what} not saved: ${(err as Error).message}`);
    }
  }

  /** CART-YYYYMMDD-HHMMSS.EXT, after the cart's name without its extension. */
  #fileName(extension: string): string {
    const name = this.#host.cartName().replace(/\.[^.]*$/, '') || 'cart';
    const now = new Date();
    const two = (n: number) => String(n).padStart(2, '0');
    const stamp = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
    return `${name}-${stamp}.${extension}`;
  }
}
