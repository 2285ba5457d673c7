// An edit in progress (a brush stroke, a moved selection, a slider being dragged) changes a copy of
// its section, which the editor shows at once; when it ends the copy goes through the undo stack,
// so one gesture is one undo step. The editor works on bank 0, as TIC-80's free build does.
import type { CartSection } from '../../../runner/common/protocol.js';
import type { EditorHost } from '../editor-host.js';
import type { UndoStack } from '../undo-stack.js';

export const EDITED_BANK = 0;

export class SectionDrafts {
  #draft: { section: CartSection; bytes: Uint8Array } | null = null;

  readonly #host: EditorHost;
  readonly #undo: UndoStack;
  readonly #changed: () => void;
  constructor(host: EditorHost, undo: UndoStack, changed: () => void) {
    this.#changed = changed;
    this.#undo = undo;
    this.#host = host;
  }

  /** The section as the editor shows it: the edit in progress, or the cart's bytes. */
  bytes(section: CartSection): Uint8Array {
    return this.#draft?.section === section ? this.#draft.bytes : this.#host.cart().banks[EDITED_BANK][section];
  }

  /** A copy of the section as shown, to change. */
  copy(section: CartSection): Uint8Array {
    return this.bytes(section).slice();
  }

  /** Shows `bytes` as the section while the edit goes on. */
  show(section: CartSection, bytes: Uint8Array): void {
    this.#draft = { section, bytes };
    this.#changed();
  }

  /** Ends the edit in progress: its bytes become one undo step. */
  commit(): void {
    const draft = this.#draft;
    if (!draft) return;
    this.apply(draft.section, draft.bytes);
  }

  /** An edit done at once (fill, flip, a flag): one undo step. */
  apply(section: CartSection, bytes: Uint8Array): void {
    this.#draft = null;
    this.#undo.apply(EDITED_BANK, section, bytes);
    this.#changed();
  }

  /** The cart changed under the edit (undo, another cart opened): the edit's copy is stale. */
  discard(): void {
    this.#draft = null;
  }
}
