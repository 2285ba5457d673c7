import { MAP_ADDR, MAP_COLUMNS, MAP_ROWS, PMEM_ADDR, PMEM_BYTES, RAM_BYTES, SPRITE_FLAGS_ADDR, SPRITE_FLAGS_BYTES } from '../common/memory-map.js';
// Pure functions over the console RAM: peek/poke, memcpy/memset, pmem, map cells and sprite
// flags (reference §1.1, §1.4, §4.2). Arguments are integers already; anything that is not an
// integer (NaN, Infinity, fractions) counts as out of range.

/** pmem slots are u32s. */
const PMEM_SLOTS = PMEM_BYTES / 4;
/** One flags byte per sprite. */
const FLAGGED_SPRITES = SPRITE_FLAGS_BYTES;
const FLAGS_PER_SPRITE = 8;

function inRange(n: number, end: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < end;
}

function unitsPerByte(bits: number): number {
  return bits === 1 ? 8 : bits === 2 ? 4 : bits === 4 ? 2 : bits === 8 ? 1 : 0;
}

/** Reads one `bits`-wide unit. addr counts in units of `bits`, LSB-first inside each byte. */
export function peek(ram: Uint8Array, addr: number, bits: number = 8): number {
  const perByte = unitsPerByte(bits);
  if (perByte === 0 || !inRange(addr, RAM_BYTES * perByte)) return 0;
  const byte = ram[Math.floor(addr / perByte)];
  const shift = (addr % perByte) * bits;
  return (byte >> shift) & ((1 << bits) - 1);
}

/** Writes the low `bits` of value into one unit; out-of-range addresses or bad widths do nothing. */
export function poke(ram: Uint8Array, addr: number, value: number, bits: number = 8): void {
  const perByte = unitsPerByte(bits);
  if (perByte === 0 || !inRange(addr, RAM_BYTES * perByte)) return;
  const index = Math.floor(addr / perByte);
  const shift = (addr % perByte) * bits;
  const mask = ((1 << bits) - 1) << shift;
  ram[index] = (ram[index] & ~mask) | ((value << shift) & mask);
}

function rangeFits(start: number, size: number): boolean {
  return Number.isInteger(start) && Number.isInteger(size) && size >= 0 && start >= 0 && start + size <= RAM_BYTES;
}

/** Copies size bytes from src to dest; the ranges may overlap (memmove). */
export function memcpy(ram: Uint8Array, dest: number, src: number, size: number): void {
  if (!rangeFits(dest, size) || !rangeFits(src, size)) return;
  ram.copyWithin(dest, src, src + size);
}

/** Fills size bytes at dest with the low byte of value. */
export function memset(ram: Uint8Array, dest: number, value: number, size: number): void {
  if (!rangeFits(dest, size)) return;
  ram.fill(value & 0xff, dest, dest + size);
}

/** pmem accepts slots 0..255; the binding raises "invalid persistent tic index" for the rest. */
export function isPmemIndex(index: number): boolean {
  return inRange(index, PMEM_SLOTS);
}

/** The u32 in pmem slot `index` (little-endian), or 0 for an invalid index. */
export function pmemRead(ram: Uint8Array, index: number): number {
  if (!isPmemIndex(index)) return 0;
  const at = PMEM_ADDR + index * 4;
  return (ram[at] | (ram[at + 1] << 8) | (ram[at + 2] << 16) | (ram[at + 3] << 24)) >>> 0;
}

/** Stores value as a u32 and returns the value before the write (quirk §11.6: pmem returns the old value). */
export function pmemWrite(ram: Uint8Array, index: number, value: number): number {
  if (!isPmemIndex(index)) return 0;
  const old = pmemRead(ram, index);
  const word = value >>> 0;
  const at = PMEM_ADDR + index * 4;
  ram[at] = word & 0xff;
  ram[at + 1] = (word >>> 8) & 0xff;
  ram[at + 2] = (word >>> 16) & 0xff;
  ram[at + 3] = word >>> 24;
  return old;
}

function mapAddr(x: number, y: number): number {
  return inRange(x, MAP_COLUMNS) && inRange(y, MAP_ROWS) ? MAP_ADDR + y * MAP_COLUMNS + x : -1;
}

/** Tile id of map cell (x, y), or 0 outside the 240x136 map. */
export function mget(ram: Uint8Array, x: number, y: number): number {
  const at = mapAddr(x, y);
  return at < 0 ? 0 : ram[at];
}

/** Sets map cell (x, y) to the low byte of id; ignored outside the map. */
export function mset(ram: Uint8Array, x: number, y: number, id: number): void {
  const at = mapAddr(x, y);
  if (at >= 0) ram[at] = id & 0xff;
}

function flagsInRange(sprite: number, flag: number): boolean {
  return inRange(sprite, FLAGGED_SPRITES) && inRange(flag, FLAGS_PER_SPRITE);
}

/** Flag `flag` (0..7) of sprite 0..511; false when either is out of range. */
export function fget(ram: Uint8Array, sprite: number, flag: number): boolean {
  if (!flagsInRange(sprite, flag)) return false;
  return ((ram[SPRITE_FLAGS_ADDR + sprite] >> flag) & 1) === 1;
}

/** Sets or clears one sprite flag; out-of-range sprite or flag is ignored. */
export function fset(ram: Uint8Array, sprite: number, flag: number, value: boolean): void {
  if (!flagsInRange(sprite, flag)) return;
  const at = SPRITE_FLAGS_ADDR + sprite;
  ram[at] = value ? ram[at] | (1 << flag) : ram[at] & ~(1 << flag);
}
