// Cart files (reference 5): the model, the three formats, and what a runner is started with.
export { BANK_COUNT, BANK_SECTIONS, MAX_BINARY_BYTES, MAX_CODE_BYTES, emptyBank, emptyCart, type Cart, type CartBank } from './cart.js';
export { cartFormatOf, loadCart, readCart, writeCart, type CartFormat, type LoadedCart } from './cart-files.js';
export { cartSourceOf } from './cart-source.js';
export { codeBytes, codeSizeWarning, TIC80_EDITOR_CODE_BYTES } from './code-size.js';
export { DEFAULT_PALETTES, DEFAULT_WAVEFORMS, runningPalettes } from './defaults.js';
export { CartFormatError } from './errors.js';
export { metaTag } from './meta-tags.js';
export { readPngCart, writePngCart } from './png-cart.js';
export { readTextCart, writeTextCart } from './text-cart.js';
export { readTicCart, writeTicCart } from './tic-cart.js';
