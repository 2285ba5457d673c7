// Live coding: with "live" on, the cart's code and data sections, as edited, go into the running
// cart a moment after typing stops (functions replaced, globals and RAM kept; see
// CartScript.reload in the runner). Only what changed since the last reload is sent.
import type { CartData, CartSection } from '../../runner/common/protocol.js';
import { el } from '../dom.js';

/** A pause in typing this long sends the code. */
export const LIVE_PAUSE_MS = 400;

export interface LiveCodingHost {
  code(): string;
  sections(): Readonly<Record<CartSection, Uint8Array>>;
  /** Sends new code and sections to the running cart; false when none is running. */
  reload(code: string | undefined, data: CartData | undefined): boolean;
}

export class LiveCoding {
  readonly #host: LiveCodingHost;
  readonly #toggle: HTMLInputElement;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** What the running cart has: its code and sections as last sent (or as the run started). */
  #sentCode = '';
  #sentSections: Partial<Record<CartSection, Uint8Array>> = {};

  constructor(toolbar: HTMLElement, host: LiveCodingHost) {
    this.#host = host;
    this.#toggle = el('input', 'live-toggle');
    this.#toggle.type = 'checkbox';
    this.#toggle.addEventListener('change', () => this.edited());
    const label = el('label', 'live-label', this.#toggle, ' live');
    label.title = 'Live coding: edits go into the running cart without a restart (its state is kept)';
    toolbar.append(label);
  }

  get on(): boolean {
    return this.#toggle.checked;
  }

  /** A run started with the cart as it is now. */
  started(): void {
    this.#sentCode = this.#host.code();
    this.#sentSections = snapshot(this.#host.sections());
  }

  /** The open cart changed: sent once typing pauses, when live. */
  edited(): void {
    if (!this.on) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#send(), LIVE_PAUSE_MS);
  }

  #send(): void {
    const code = this.#host.code();
    const sections = this.#host.sections();
    const data: CartData = {};
    for (const section of Object.keys(sections) as CartSection[]) {
      const sent = this.#sentSections[section];
      if (!sent || !sameBytes(sent, sections[section])) data[section] = sections[section].slice();
    }
    const changedCode = code !== this.#sentCode ? code : undefined;
    const changedData = Object.keys(data).length > 0 ? data : undefined;
    if (changedCode === undefined && changedData === undefined) return;
    if (!this.#host.reload(changedCode, changedData)) return;
    this.#sentCode = code;
    this.#sentSections = snapshot(sections);
  }
}

function snapshot(sections: Readonly<Record<CartSection, Uint8Array>>): Partial<Record<CartSection, Uint8Array>> {
  const copy: Partial<Record<CartSection, Uint8Array>> = {};
  for (const section of Object.keys(sections) as CartSection[]) copy[section] = sections[section].slice();
  return copy;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
