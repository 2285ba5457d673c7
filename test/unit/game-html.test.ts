// The exported game's page as text: what a cart or the player's code holds cannot end a <script>
// early or inject markup, and the cart's tags name the page.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { emptyCart, writeTextCart } from '../../runner/common/cart/index.js';
import { EMBEDDED_IDS, gameHtml, type PlayerParts } from '../../runner/common/export/game-html.js';

const parts: PlayerParts = {
  page: 'const end = "</script><b>not markup</b>";',
  css: 'body { color: red }',
  runnerWorker: 'postMessage("</SCRIPT>")',
  vmWorker: '',
  audioWorklet: '',
  luaWasm: Uint8Array.of(0, 97, 115, 109),
};

function cartFile(code: string): Uint8Array {
  const cart = emptyCart();
  cart.code = code;
  return new TextEncoder().encode(writeTextCart(cart, 'game.lua'));
}

it('no part or tag can close its element early: each <script> holds exactly what it was given', () => {
  const html = gameHtml('game</script>.lua', cartFile('-- title: <i>Mine</i> & "yours"\n-- author: me\nfunction TIC() end\n'), parts);
  // The document's only closing tags are the elements' own.
  assert.equal(html.match(/<\/script>/gi)?.length, 6);
  assert.match(html, /<title>&#60;i&#62;Mine&#60;\/i&#62; &#38; &#34;yours&#34;<\/title>/);
  assert.match(html, /const end = "<\\\/script><b>not markup<\/b>";/);
  assert.match(html, /postMessage\("<\\\/SCRIPT>"\)/);
  const json = new RegExp(`<script type="application/json" id="${EMBEDDED_IDS.game}">([^<]*)</script>`).exec(html);
  assert.ok(json);
  assert.equal((JSON.parse(json[1]) as { name: string }).name, 'game</script>.lua');
});

it('a cart in another language is refused, naming its file', () => {
  assert.throws(() => gameHtml('moon.lua', cartFile('-- script: moon\nfunction TIC() end\n'), parts), /^CartFormatError: moon\.lua: its code is moon/);
  assert.throws(() => gameHtml('garbage.tic', Uint8Array.of(1, 2, 3), parts), /garbage\.tic/);
});
