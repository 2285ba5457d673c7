// What a cart from elsewhere may not do until the player grants it (issue 16): keep save data,
// lock the mouse pointer, write its data back into the cart. The player's answers, and how the
// prompt and the settings page name each capability.

export type Capability = 'save' | 'mouse-lock' | 'cart-write';

export const CAPABILITIES: readonly Capability[] = ['save', 'mouse-lock', 'cart-write'];

/** What the prompt asks for, after the cart's name: "hello.tic wants to ...". */
export const CAPABILITY_WANTS: Readonly<Record<Capability, string>> = {
  save: 'keep its save data (pmem) between runs',
  'mouse-lock': 'lock the mouse pointer (relative mouse mode)',
  'cart-write': 'write its data back into the cart (sync)',
};

/** The settings page's short name of each capability. */
export const CAPABILITY_NAMES: Readonly<Record<Capability, string>> = {
  save: 'save data',
  'mouse-lock': 'mouse lock',
  'cart-write': 'write to cart',
};

/** allow and deny are kept for the cart's content; session lasts until the studio closes. */
export type Answer = 'allow' | 'session' | 'deny';

/** Where a capability stands for one run: granted, refused, or not answered yet. */
export type Decision = 'granted' | 'denied' | 'undecided';
