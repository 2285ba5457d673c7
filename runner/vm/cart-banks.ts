// The cart's 8 data banks as the running machine holds them, and sync() between them and RAM
// (reference 1.4): mask bits select sections, each synced at most once per frame.
import { PALETTE_BYTES } from '../common/memory-map.js';
import { CART_SECTION_BYTES, type CartData, type CartSection } from '../common/protocol.js';
import { SECTION_ADDRESS, type RamSection } from './cart-sections.js';
import type { Video } from './video/video.js';

export const CART_BANKS = 8;

/** TIC_SYNC_LIST: the mask bit of each group and the sections it moves (the palette is separate). */
const SYNC_GROUPS: { bit: number; sections: RamSection[] }[] = [
  { bit: 1, sections: ['tiles'] },
  { bit: 2, sections: ['sprites'] },
  { bit: 4, sections: ['map'] },
  { bit: 8, sections: ['waveforms', 'sfx'] },
  { bit: 16, sections: ['patterns', 'tracks'] },
  { bit: 64, sections: ['flags'] },
  { bit: 128, sections: ['screen'] },
];
const PALETTE_BIT = 32;
const ALL_SECTIONS = 0xff;

type Bank = Record<CartSection, Uint8Array>;

function fullBank(data: CartData | undefined): Bank {
  const bank = {} as Bank;
  for (const section of Object.keys(CART_SECTION_BYTES) as CartSection[]) {
    bank[section] = new Uint8Array(CART_SECTION_BYTES[section]);
    const bytes = data?.[section];
    if (bytes) bank[section].set(bytes);
  }
  return bank;
}

export class CartBanks {
  /** Each bank is made whole at its first sync(): most carts never sync, and a farm holds a thousand machines. */
  readonly #banks: (Bank | undefined)[] = [];
  #syncedThisFrame = 0;
  /** The mask bits sync() wrote from RAM into each bank since the host last took them. */
  readonly #written = new Map<number, number>();
  /** What the host's cart holds of each section written into (by "bank:section"), as last sent. */
  readonly #hostHolds = new Map<string, Uint8Array>();

  /** bank0 is the data the machine starts from; others[i] is bank i + 1. */
  readonly #bank0: CartData | undefined;
  readonly #others: readonly CartData[] | undefined;
  constructor(bank0: CartData | undefined, others: readonly CartData[] | undefined) {
    this.#others = others;
    this.#bank0 = bank0;
  }

  #bank(index: number): Bank {
    return (this.#banks[index] ??= fullBank(index === 0 ? this.#bank0 : this.#others?.[index - 1]));
  }

  /** Live coding: sections edited in the studio replace bank 0's, for later sync() calls. */
  replaceBank0(data: CartData): void {
    for (const [section, bytes] of Object.entries(data) as [CartSection, Uint8Array][]) {
      this.#bank(0)[section].set(bytes);
      // The studio holds these now: a later write into the cart is compared with them.
      if (this.#hostHolds.has(`0:${section}`)) this.#hostHolds.set(`0:${section}`, bytes.slice());
    }
  }

  beginFrame(): void {
    this.#syncedThisFrame = 0;
  }

  /** Copies the masked sections between cart bank `bank` and RAM (toCart: RAM -> cart). */
  sync(ram: Uint8Array, video: Video, mask: number, bank: number, toCart: boolean): void {
    const wanted = (mask === 0 ? ALL_SECTIONS : mask) & ~this.#syncedThisFrame;
    const cart = this.#bank(bank);
    if (toCart) this.#noteHostHolds(bank, wanted);
    for (const group of SYNC_GROUPS) {
      if ((wanted & group.bit) === 0) continue;
      for (const section of group.sections) {
        const address = SECTION_ADDRESS[section];
        const bytes = cart[section];
        if (toCart) bytes.set(ram.subarray(address, address + bytes.length));
        else ram.set(bytes, address);
      }
    }
    if (wanted & PALETTE_BIT) this.#syncPalettes(video, cart.palette, toCart);
    this.#syncedThisFrame |= wanted;
    if (toCart && wanted) this.#written.set(bank, (this.#written.get(bank) ?? 0) | wanted);
  }

  /** Before a section's first write into the cart: a copy of it as the host's cart has it. */
  #noteHostHolds(bank: number, mask: number): void {
    for (const section of sectionsOf(mask)) {
      const key = `${bank}:${section}`;
      if (!this.#hostHolds.has(key)) this.#hostHolds.set(key, this.#bank(bank)[section].slice());
    }
  }

  /**
   * Copies of the sections sync() wrote into each bank since the last call that differ from what
   * the host holds, for the host's cart: a cart that syncs every frame sends only what changed.
   */
  takeWrites(): { bank: number; data: CartData }[] {
    const writes: { bank: number; data: CartData }[] = [];
    // Every frame asks; almost every frame has nothing to give.
    if (this.#written.size === 0) return writes;
    for (const [bank, mask] of this.#written) {
      const data: CartData = {};
      for (const section of sectionsOf(mask)) {
        const bytes = this.#bank(bank)[section];
        const key = `${bank}:${section}`;
        const held = this.#hostHolds.get(key);
        if (held && sameBytes(held, bytes)) continue;
        this.#hostHolds.set(key, bytes.slice());
        data[section] = bytes.slice();
      }
      if (Object.keys(data).length > 0) writes.push({ bank, data });
    }
    this.#written.clear();
    return writes;
  }

  /** vbank 0's palette always; vbank 1's only when the cart's vbank-1 palette is not all zero. */
  #syncPalettes(video: Video, palettes: Uint8Array, toCart: boolean): void {
    for (const id of [0, 1]) {
      const cartPalette = palettes.subarray(id * PALETTE_BYTES, (id + 1) * PALETTE_BYTES);
      if (id === 1 && !toCart && cartPalette.every((b) => b === 0)) continue;
      const vram = video.bankPalette(id);
      if (toCart) cartPalette.set(vram);
      else vram.set(cartPalette);
    }
  }
}

/** The cart sections a sync mask moves, the palettes included. */
function sectionsOf(mask: number): CartSection[] {
  const sections: CartSection[] = SYNC_GROUPS.filter((group) => mask & group.bit).flatMap((group) => group.sections);
  return mask & PALETTE_BIT ? [...sections, 'palette'] : sections;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
