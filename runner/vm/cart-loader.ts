// Copies a cart's bank-0 data into RAM at start, as TIC-80's core does on its first frame.
// Sections the cart does not have keep the console's defaults (SWEETIE-16, the default waveforms).
import { DEFAULT_WAVEFORMS } from '../common/cart/defaults.js';
import { PALETTE_BYTES, WAVEFORMS_ADDR } from '../common/memory-map.js';
import type { CartData } from '../common/protocol.js';
import { SECTION_ADDRESS, type RamSection } from './cart-sections.js';
import type { Video } from './video/video.js';

/** Resets the console's RAM as a new run does, then copies the cart's data into it. */
export function loadCartIntoRam(ram: Uint8Array, video: Video, data: CartData): void {
  const palette = data.palette;
  if (palette) video.resetRam(palette.subarray(0, 48), palette.subarray(48, 96));
  else video.resetRam();
  copyCartSections(ram, data);
}

/**
 * Copies the cart's sections into RAM, as a soft reset() does, leaving the rest of the video state
 * (clip, palette map, vbank, offsets) as it is.
 */
export function reloadCartIntoRam(ram: Uint8Array, video: Video, data: CartData): void {
  if (data.palette) video.bankPalette(0).set(data.palette.subarray(0, PALETTE_BYTES));
  video.loadFonts();
  copyCartSections(ram, data);
}

function copyCartSections(ram: Uint8Array, data: CartData): void {
  const { screen, waveforms, palette: _palette, ...rest } = data;
  for (const [section, bytes] of Object.entries(rest) as [RamSection, Uint8Array][]) ram.set(bytes, SECTION_ADDRESS[section]);
  ram.set(waveforms ?? DEFAULT_WAVEFORMS, WAVEFORMS_ADDR);
  // The cover screen is shown only when the cart has one (not all zero).
  if (screen?.some((b) => b !== 0)) ram.set(screen, SECTION_ADDRESS.screen);
}

/**
 * Live coding: sections edited in the studio replace theirs in the running cart's RAM (the palette
 * in both VRAM banks). The cover screen is left alone: it is shown only at start.
 */
export function replaceSectionsInRam(ram: Uint8Array, video: Video, data: CartData): void {
  const { screen: _screen, palette, ...rest } = data;
  if (palette) {
    video.bankPalette(0).set(palette.subarray(0, PALETTE_BYTES));
    video.bankPalette(1).set(palette.subarray(PALETTE_BYTES, 2 * PALETTE_BYTES));
  }
  for (const [section, bytes] of Object.entries(rest) as [RamSection, Uint8Array][]) ram.set(bytes, SECTION_ADDRESS[section]);
}
