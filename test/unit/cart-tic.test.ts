// Binary .tic carts (reference 5.a): chunk layout, trimming, DEFAULT, code split across banks,
// deprecated chunks on load, quirk 8, and errors for damaged files.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { zlibSync } from 'fflate';
import { GifWriter } from 'omggif';
import {
  CartFormatError,
  DEFAULT_PALETTES,
  DEFAULT_WAVEFORMS,
  emptyCart,
  loadCart,
  readTicCart,
  writeTicCart,
  type Cart,
} from '../../runner/common/cart/index.js';
import { SWEETIE_16 } from '../../runner/common/default-palette.js';
import { bigCodeCart, PACKED_DEFAULT_BYTE, packedCart } from './cart-fixtures.js';
import { callInWorker } from './fuzz-fixture.js';

const T = {
  TILES: 1,
  COVER_DEP: 3,
  MAP: 4,
  CODE: 5,
  FLAGS: 6,
  TEMP2: 7,
  SAMPLES: 9,
  WAVEFORM: 10,
  PALETTE: 12,
  PATTERNS_DEP: 13,
  CODE_ZIP: 16,
  DEFAULT: 17,
  SCREEN: 18,
  BINARY: 19,
  LANG: 20,
};
const DB16_FIRST = [0x14, 0x0c, 0x1c, 0x44, 0x24, 0x34];

function chunk(type: number, bank: number, data: ArrayLike<number>, size = data.length): Uint8Array {
  return Uint8Array.of(type | (bank << 5), size & 0xff, (size >> 8) & 0xff, 0, ...Array.from(data));
}

function file(...chunks: Uint8Array[]): Uint8Array {
  return Uint8Array.from(chunks.flatMap((c) => [...c]));
}

/** [type, bank, size] of every chunk in a .tic file. */
function chunkList(bytes: Uint8Array): [number, number, number][] {
  const list: [number, number, number][] = [];
  for (let at = 0; at < bytes.length;) {
    const type = bytes[at] & 31;
    const size = bytes[at + 1] | (bytes[at + 2] << 8);
    list.push([type, bytes[at] >> 5, size]);
    at += 4 + (size === 0 && (type === T.CODE || type === T.BINARY) ? 0x10000 : size);
  }
  return list;
}

const palettedCode = (code: string) => {
  const cart = emptyCart();
  cart.code = code;
  cart.banks[0].palette.set(DEFAULT_PALETTES);
  cart.banks[0].waveforms.set(DEFAULT_WAVEFORMS);
  return cart;
};

it('a bank with the default palette and waves is one DEFAULT chunk; data is trimmed of trailing zeros', () => {
  const cart = palettedCode('cls()');
  cart.banks[0].tiles.set([0xaa, 0, 0xbb]);
  assert.deepEqual(
    [...writeTicCart(cart, 'a.tic')],
    [
      ...chunk(T.DEFAULT, 0, []),
      ...chunk(T.TILES, 0, [0xaa, 0, 0xbb]),
      ...chunk(
        T.CODE,
        0,
        [...'cls()'].map((c) => c.charCodeAt(0)),
      ),
    ],
  );
});

it("chunks carry their bank in the top 3 bits and come in TIC-80's order within a bank", () => {
  const cart = emptyCart();
  cart.banks[5].screen[0] = 1;
  cart.banks[5].flags[0] = 2;
  cart.banks[5].palette[0] = 3;
  cart.banks[5].waveforms[0] = 4;
  cart.banks[5].sfx[0] = 5;
  cart.banks[5].map[0] = 6;
  assert.deepEqual(chunkList(writeTicCart(cart, 'a.tic')), [
    // Bank 0 has no palette: it is saved with the SWEETIE-16 it runs with (runningPalettes).
    [T.PALETTE, 0, 48],
    [T.PALETTE, 5, 1],
    [T.WAVEFORM, 5, 1],
    [T.MAP, 5, 1],
    [T.SAMPLES, 5, 1],
    [T.FLAGS, 5, 1],
    [T.SCREEN, 5, 1],
  ]);
  const bytes = writeTicCart(cart, 'a.tic');
  assert.equal(bytes[4 + 48], T.PALETTE | (5 << 5));
});

it('code over 64 KB is split in 64 KB pieces, the first in the highest bank, and reads back whole', () => {
  const cart = bigCodeCart(7, 150000);
  const bytes = writeTicCart(cart, 'big.tic');
  assert.deepEqual(
    chunkList(bytes).filter(([type]) => type === T.CODE),
    [
      [T.CODE, 2, 0],
      [T.CODE, 1, 0],
      [T.CODE, 0, 150000 - 2 * 65536],
    ],
  );
  assert.equal(readTicCart(bytes, 'big.tic').code, cart.code);
  const exact = bigCodeCart(8, 65536);
  const exactBytes = writeTicCart(exact, 'exact.tic');
  assert.deepEqual(
    chunkList(exactBytes).filter(([type]) => type === T.CODE),
    [[T.CODE, 1, 0]],
  );
  assert.equal(readTicCart(exactBytes, 'exact.tic').code, exact.code);
});

it('the binary comes before the code, split the same way', () => {
  const cart = palettedCode('x');
  cart.binary = Uint8Array.from({ length: 70000 }, (_, i) => i & 255);
  const bytes = writeTicCart(cart, 'w.tic');
  assert.deepEqual(chunkList(bytes).slice(1), [
    [T.BINARY, 1, 0],
    [T.BINARY, 0, 70000 - 65536],
    [T.CODE, 0, 1],
  ]);
  assert.deepEqual(readTicCart(bytes, 'w.tic').binary, cart.binary);
});

it('code too big for a cart cannot be saved', () => {
  assert.throws(() => writeTicCart(bigCodeCart(1, 8 * 65536), 'huge.tic'), /huge\.tic: cannot save: the code is 524288 bytes; a cart holds at most 524287/);
});

it('quirk 8: the language id is not saved, but a LANG chunk is read', () => {
  const cart = palettedCode('x');
  cart.lang = 10;
  const bytes = writeTicCart(cart, 'l.tic');
  assert.ok(chunkList(bytes).every(([type]) => type !== T.LANG));
  assert.equal(readTicCart(bytes, 'l.tic').lang, 0);
  assert.equal(readTicCart(file(chunk(T.PALETTE, 0, [1]), chunk(T.LANG, 0, [10])), 'l.tic').lang, 10);
});

it('a short chunk fills the start of its section and a long one is cut to the section', () => {
  const cart = readTicCart(file(chunk(T.PALETTE, 0, [1]), chunk(T.FLAGS, 3, Array<number>(600).fill(7)), chunk(T.TILES, 1, [9, 8])), 'a.tic');
  assert.ok(cart.banks[3].flags.every((v) => v === 7));
  assert.deepEqual([...cart.banks[1].tiles.subarray(0, 3)], [9, 8, 0]);
});

it('DEFAULT gives vbank 0 SWEETIE-16 and waves 0-2; a bank-0 palette left empty becomes DB16', () => {
  const cart = readTicCart(file(chunk(T.DEFAULT, 2, []), chunk(T.CODE, 0, [120])), 'd.tic');
  assert.deepEqual(cart.banks[2].palette, DEFAULT_PALETTES);
  assert.deepEqual(cart.banks[2].waveforms, DEFAULT_WAVEFORMS);
  assert.deepEqual([...cart.banks[0].palette.subarray(0, 6)], DB16_FIRST, 'no PALETTE and no DEFAULT in bank 0: DB16');
  assert.ok(
    cart.banks[1].palette.every((v) => v === 0),
    'only bank 0 gets DB16',
  );
  assert.deepEqual(cart.banks[0].palette.subarray(48), new Uint8Array(48));
  const withDefault = readTicCart(file(chunk(T.DEFAULT, 0, [])), 'd.tic');
  assert.deepEqual(withDefault.banks[0].palette.subarray(0, 48), SWEETIE_16);
});

it('PATTERNS_DEP: rows with a note and no command get volume command M with 15 - old X', () => {
  const rows = [
    [0x34, 0x00, 0x00], // note C (4), X = 3, no command -> M, X = Y = 12
    [0xf5, 0x80, 0x21], // note 5, X = 15, sfx bit 5 set -> M, X = Y = 0, bit 7 kept
    [0x31, 0x00, 0x00], // note-off: unchanged
    [0x34, 0x25, 0x00], // has command 2: unchanged
  ].flat();
  const cart = readTicCart(file(chunk(T.PALETTE, 0, [1]), chunk(T.PATTERNS_DEP, 1, rows)), 'old.tic');
  assert.deepEqual([...cart.banks[1].patterns.subarray(0, 12)], [0xc4, 0x1c, 0x00, 0x05, 0x90, 0x21, 0x31, 0x00, 0x00, 0x34, 0x25, 0x00]);
});

it('CODE_ZIP holds zlib-compressed code, which wins over CODE chunks', () => {
  const code = new TextEncoder().encode('-- zipped\nx = 1\n');
  const cart = readTicCart(file(chunk(T.PALETTE, 0, [1]), chunk(T.CODE, 0, [65]), chunk(T.CODE_ZIP, 0, zlibSync(code))), 'z.tic');
  assert.equal(cart.code, '-- zipped\nx = 1\n');
  assert.throws(
    () => readTicCart(file(chunk(T.CODE_ZIP, 0, [1, 2, 3])), 'z.tic'),
    /^CartFormatError: z\.tic: CODE_ZIP chunk \(bank 0\) at byte 0 is not valid zlib data|z\.tic: CODE_ZIP chunk \(bank 0\) at byte 0 is not valid zlib data/,
  );
});

function gif(width: number, height: number, palette: number[], pixel: (i: number) => number): Uint8Array {
  const buffer = new Uint8Array(width * height * 2 + 1024);
  const writer = new GifWriter(buffer, width, height, { palette });
  writer.addFrame(
    0,
    0,
    width,
    height,
    Array.from({ length: width * height }, (_, i) => pixel(i)),
  );
  return buffer.subarray(0, writer.end());
}

it("COVER_DEP: a 240 x 136 GIF becomes bank 0's screen in the nearest palette colours", () => {
  // Near SWEETIE-16's red (2: b13e53) and light blue (10: 41a6f6).
  const cover = gif(240, 136, [0xb03f50, 0x40a0f0], (i) => (i % 240 < 120 ? 0 : 1));
  const cart = readTicCart(file(chunk(T.COVER_DEP, 0, cover), chunk(T.DEFAULT, 0, [])), 'cover.tic');
  const screen = cart.banks[0].screen;
  assert.equal(screen[0], 0x22, 'pixels 0 and 1 are red');
  assert.equal(screen[60], 0xaa, 'pixels 120 and 121 are light blue');
  assert.equal(screen[120 * 135 + 119], 0xaa, 'last pixel');
  const small = readTicCart(
    file(
      chunk(T.DEFAULT, 0, []),
      chunk(
        T.COVER_DEP,
        0,
        gif(16, 16, [0xffffff, 0], () => 0),
      ),
    ),
    'cover.tic',
  );
  assert.ok(
    small.banks[0].screen.every((v) => v === 0),
    'other sizes are ignored',
  );
});

/** A 240 x 136 GIF of 4 colours whose LZW codes (2-bit minimum, so 3-bit codes) are given. */
function gifWithCodes(codes: number[]): Uint8Array {
  let bits = 0;
  codes.forEach((code, i) => (bits |= code << (i * 3)));
  const data = Array.from({ length: Math.ceil((codes.length * 3) / 8) }, (_, i) => (bits >> (i * 8)) & 0xff);
  const screen = [240, 0, 136, 0, 0x81, 0, 0];
  const palette = [0, 0, 0, 0xff, 0xff, 0xff, 0xb1, 0x3e, 0x53, 0x41, 0xa6, 0xf6];
  const image = [0x2c, 0, 0, 0, 0, 240, 0, 136, 0, 0, 2, data.length, ...data, 0, 0x3b];
  return Uint8Array.from([...new TextEncoder().encode('GIF89a'), ...screen, ...palette, ...image]);
}

it('COVER_DEP: a damaged GIF whose LZW table would refer to itself is ignored, not decoded forever', async () => {
  // clear (4), then 6 where a literal must come, then 0 (entry 6 becomes 6 + 0), then 6 again.
  const cover = gifWithCodes([4, 6, 0, 6, 5]);
  const bytes = file(chunk(T.DEFAULT, 0, []), chunk(T.COVER_DEP, 0, cover));
  const cart = (await callInWorker(new URL('../../runner/common/cart/index.js', import.meta.url), 'readTicCart', [bytes, 'loop.tic'], 10_000)) as Cart;
  assert.ok(
    cart.banks[0].screen.every((v) => v === 0),
    'the screen stays as it was',
  );
  const valid = readTicCart(file(chunk(T.DEFAULT, 0, []), chunk(T.COVER_DEP, 0, gifWithCodes([4, 2, 5]))), 'one.tic');
  assert.equal(valid.banks[0].screen[0], 0x02, 'a well-formed stream of the same shape is still decoded');
});

it('unused chunk types are skipped', () => {
  const cart = readTicCart(file(chunk(0, 0, [1, 2]), chunk(T.TEMP2, 3, [4]), chunk(T.FLAGS, 0, [5])), 'a.tic');
  assert.equal(cart.banks[0].flags[0], 5);
});

it('damaged files get an error naming the file and the problem', () => {
  const cases: [Uint8Array, RegExp][] = [
    [new Uint8Array(0), /^e\.tic: not a TIC-80 cart: the file is empty$/],
    [file(chunk(T.FLAGS, 0, [1]), Uint8Array.of(4, 1)), /^e\.tic: truncated chunk header at byte 5: 2 of its 4 bytes are there$/],
    [
      file(chunk(T.FLAGS, 0, [1]), chunk(T.MAP, 2, [1, 2], 300)),
      /^e\.tic: MAP chunk \(bank 2\) at byte 5 says it holds 300 bytes, past the end of the file \(2 bytes left\)$/,
    ],
    [file(chunk(T.CODE, 0, [1, 2], 0)), /^e\.tic: not a TIC-80 cart: CODE chunk \(bank 0\) at byte 0 says it holds 65536 bytes, past the end/],
    [file(chunk(T.FLAGS, 0, [1]), chunk(25, 0, [])), /^e\.tic: unknown chunk type 25 at byte 5$/],
    [new TextEncoder().encode('-- title: x\n'), /^e\.tic: not a TIC-80 cart: /],
    [file(chunk(T.BINARY, 5, [1])), /^e\.tic: BINARY chunk \(bank 5\) at byte 0: the binary uses banks 0-3 only$/],
  ];
  for (const [bytes, message] of cases) {
    assert.throws(
      () => readTicCart(bytes, 'e.tic'),
      (err: Error) => err instanceof CartFormatError && message.test(err.message),
      message.source,
    );
  }
});

const PACKED_CODE = 'function TIC()cls(1)print("packed",9,9)end';

it('packed carts (CODE_ZIP without its checksum, a DEFAULT header cut to 1-3 bytes) load as TIC-80 loads them, with notes', () => {
  for (const trailing of [[PACKED_DEFAULT_BYTE], [PACKED_DEFAULT_BYTE, 0], [PACKED_DEFAULT_BYTE, 0, 0]]) {
    const bytes = packedCart(PACKED_CODE, trailing);
    const { cart, repairs } = loadCart(bytes, 'p.tic');
    assert.equal(cart.code, PACKED_CODE);
    assert.deepEqual(cart.banks[0].palette, DEFAULT_PALETTES, 'the cut DEFAULT header still gives SWEETIE-16');
    assert.deepEqual(cart.banks[0].waveforms, DEFAULT_WAVEFORMS);
    assert.deepEqual(repairs, [
      `the DEFAULT chunk header at byte ${bytes.length - trailing.length} is cut short (${trailing.length} of its 4 bytes are there); read from its first byte, as TIC-80 reads it`,
      'the CODE_ZIP chunk (bank 0) at byte 0 has no valid zlib checksum at its end; its code was read as TIC-80 reads it',
    ]);
  }
  const partChecksum = loadCart(packedCart(PACKED_CODE, [PACKED_DEFAULT_BYTE, 0, 0, 0], 2), 'p.tic');
  assert.equal(partChecksum.cart.code, PACKED_CODE, 'half a checksum');
  assert.equal(partChecksum.repairs.length, 1);
  const wrong = packedCart(PACKED_CODE, [], 0);
  wrong[wrong.length - 1] ^= 1;
  assert.equal(loadCart(wrong, 'p.tic').cart.code, PACKED_CODE, 'a wrong checksum');
  assert.deepEqual(loadCart(packedCart(PACKED_CODE, [PACKED_DEFAULT_BYTE, 0, 0, 0], 0), 'p.tic').repairs, [], 'an intact cart has nothing repaired');
});

it('damage TIC-80 does not read past is still refused', () => {
  const intact = packedCart(PACKED_CODE, [], 0);
  const stream = intact.subarray(4);
  const half = stream.subarray(0, stream.length >> 1);
  const cases: [Uint8Array, RegExp][] = [
    [Uint8Array.of(PACKED_DEFAULT_BYTE), /^p\.tic: not a TIC-80 cart: truncated chunk header at byte 0: 1 of its 4 bytes are there$/],
    [file(chunk(T.CODE_ZIP, 0, stream), Uint8Array.of(T.TILES)), /^p\.tic: truncated chunk header at byte \d+: 1 of its 4 bytes are there$/],
    [
      file(chunk(T.CODE_ZIP, 0, half), Uint8Array.of(PACKED_DEFAULT_BYTE)),
      /^p\.tic: CODE_ZIP chunk \(bank 0\) at byte 0 is not valid zlib data \(it ends early\)$/,
    ],
    [
      file(chunk(T.CODE_ZIP, 0, [0x78, 0x00, ...stream.subarray(2)])),
      /^p\.tic: CODE_ZIP chunk \(bank 0\) at byte 0 is not valid zlib data \(invalid zlib header\)$/,
    ],
    [
      file(chunk(T.CODE_ZIP, 0, stream, stream.length + 4)),
      /^p\.tic: not a TIC-80 cart: CODE_ZIP chunk \(bank 0\) at byte 0 says it holds \d+ bytes, past the end of the file/,
    ],
  ];
  for (const [bytes, message] of cases) {
    assert.throws(
      () => loadCart(bytes, 'p.tic'),
      (err: Error) => err instanceof CartFormatError && message.test(err.message),
      message.source,
    );
  }
});
