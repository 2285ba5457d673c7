// The cart "New" starts from: small, working, and headed the way TIC-80 carts are. It carries
// SWEETIE-16 in a <PALETTE> section, so a .tic or .png save keeps the colours (a text cart's
// loader applies no default palette).
import { readTextCart, type Cart } from '../runner/common/cart/index.js';
import type { CartDocument } from './cart-document.js';

const SWEETIE_16_ROW = '1a1c2c5d275db13e53ef7d57ffcd75a7f07038b76425717929366f3b5dc941a6f673eff7f4f4f494b0c2566c86333c57';

const TEMPLATE = `-- title:   new cart
-- author:  your name
-- desc:    move the ball with the arrow keys
-- site:    your website
-- license: MIT License
-- version: 0.1
-- script:  lua

x=120
y=68

function TIC()
\tif btn(0) then y=y-1 end
\tif btn(1) then y=y+1 end
\tif btn(2) then x=x-1 end
\tif btn(3) then x=x+1 end

\tcls(0)
\tfor i=0,15 do
\t\trect(i*15,0,15,6,i)
\tend
\tlocal r=8+math.sin(time()/250)*2
\tcirc(x,y,r,4)
\tcircb(x,y,r+2,3)
\tprint("HELLO NIBBLE!",84,20,12)
\tprint("arrow keys move the ball",54,124,13)
end

-- <PALETTE>
-- 000:${SWEETIE_16_ROW}
-- </PALETTE>
`;

export const NEW_CART_NAME = 'cart.lua';

export function newCart(): Cart {
  return readTextCart(TEMPLATE, NEW_CART_NAME);
}

/** The template as a fresh, unsaved document of this studio's own. */
export function newCartDocument(): CartDocument {
  return { cart: newCart(), name: NEW_CART_NAME, location: null, dirty: false, fromElsewhere: false };
}
