// The map as a 240x136 greyscale PNG whose pixel values are the cells' tile indices (lossless, so
// an exported map imports back unchanged), and back: each pixel's value (its first channel, or its
// palette index in an indexed PNG) becomes the cell's tile.
import { decode, encode } from 'fast-png';
import { MAP_BYTES, MAP_COLUMNS, MAP_ROWS } from '../../runner/common/memory-map.js';

export function encodeMapPng(map: Uint8Array): Uint8Array {
  return encode({ width: MAP_COLUMNS, height: MAP_ROWS, data: map.slice(0, MAP_BYTES), depth: 8, channels: 1 });
}

/** The map with the PNG's top-left 240x136 pixels written over it. Throws when the file is not a PNG. */
export function importMapPng(png: Uint8Array, map: Uint8Array): Uint8Array {
  const image = decode(png);
  const out = map.slice();
  const channels = image.palette ? 1 : image.channels;
  const shift = image.depth === 16 ? 8 : 0;
  const width = Math.min(image.width, MAP_COLUMNS);
  const height = Math.min(image.height, MAP_ROWS);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out[y * MAP_COLUMNS + x] = (image.data[(y * image.width + x) * channels] >> shift) & 0xff;
  }
  return out;
}
