// The open cart's data as an editor sees it: read it, change one section as a whole, hear of changes.
import type { Cart } from '../../runner/common/cart/index.js';
import type { CartSection } from '../../runner/common/protocol.js';

export interface SectionStore {
  /** The open cart as it is now (treat its arrays as read-only; change them through setSection). */
  cart(): Cart;
  /** Replaces one section of one bank with new bytes of the same size. */
  setSection(bank: number, section: CartSection, bytes: Uint8Array): void;
  /** Called after any change to the cart: an edit, an undo, or another cart opened. */
  onCartChange(listener: () => void): void;
  /** Called when another cart was opened or created in place of this one. */
  onCartReplaced(listener: () => void): void;
}
