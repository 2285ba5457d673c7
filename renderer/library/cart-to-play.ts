// The cart given to the studio to play when it starts or while it runs: in the desktop app, the
// file the app was opened with (`nibble play`, the OS's "open with"); in a browser, the cart the
// web server was started with (`nibble play` without Electron), which the page's address asks for
// with ?play.
import { PLAY_CART_NAME_HEADER, PLAY_CART_PATH } from '../../runner/common/cart-library.js';
import type { PickedCartFile } from '../files/cart-file-access.js';

export async function cartGivenToPlay(): Promise<PickedCartFile | null> {
  const bridge = window.nibbleElectron;
  if (bridge) {
    const file = await bridge.takeCartToPlay();
    return file && { name: file.name, bytes: file.bytes, location: file.path };
  }
  if (!new URLSearchParams(window.location.search).has('play')) return null;
  const answer = await fetch(PLAY_CART_PATH, { cache: 'no-store' });
  if (!answer.ok) throw new Error(`The cart to play could not be fetched from the server (${answer.status} ${await answer.text()})`);
  const name = decodeURIComponent(answer.headers.get(PLAY_CART_NAME_HEADER) ?? 'cart.lua');
  return { name, bytes: new Uint8Array(await answer.arrayBuffer()), location: null };
}
