// The console API as the editor explains it: one entry per global function (section 1 of the
// TIC-80 compatibility reference) and per callback the machine calls (section 2). Completion,
// hover, signature help and the console's `help api` are all built from this table. It lives here,
// beside the runner, so that a test holds it to exactly what the runner binds and calls.

export interface ApiParam {
  name: string;
  doc: string;
  /** Shown as the default of an optional argument, e.g. "0"; absent for a required argument. */
  defaultValue?: string;
  /** Optional with no default (the function decides when it is left out). */
  optional?: boolean;
}

export interface ApiSignature {
  params: ApiParam[];
  /** What the call returns, e.g. "width" or "x, y, left, middle, right, scrollx, scrolly". */
  returns?: string;
}

export type ApiCategory = 'graphics' | 'input' | 'sound' | 'memory' | 'system' | 'callback';

export interface ApiEntry {
  name: string;
  category: ApiCategory;
  doc: string;
  signatures: ApiSignature[];
}

const req = (name: string, doc: string): ApiParam => ({ name, doc });
const opt = (name: string, defaultValue: string, doc: string): ApiParam => ({ name, doc, defaultValue });
const maybe = (name: string, doc: string): ApiParam => ({ name, doc, optional: true });

const x = req('x', 'screen x (0..239)');
const y = req('y', 'screen y (0..135)');
const color = req('color', 'palette index 0..15 (goes through the palette map)');

export const API_DOCS: readonly ApiEntry[] = [
  // Graphics
  {
    name: 'cls',
    category: 'graphics',
    doc: 'Fills the screen with one colour. With the clip rectangle covering the whole screen it also clears the depth buffer used by `ttri`; otherwise only the clip rectangle is filled.',
    signatures: [{ params: [opt('color', '0', 'palette index 0..15')] }],
  },
  {
    name: 'pix',
    category: 'graphics',
    doc: 'Sets one pixel (clipped, palette-mapped), or with two arguments reads the raw 4-bit value stored at that position (0 outside the screen; ignores the clip rectangle).',
    signatures: [{ params: [x, y, color] }, { params: [x, y], returns: 'color' }],
  },
  {
    name: 'line',
    category: 'graphics',
    doc: 'Draws a line between two points. Coordinates may be fractional; the end point is always plotted.',
    signatures: [{ params: [req('x0', 'start x'), req('y0', 'start y'), req('x1', 'end x'), req('y1', 'end y'), color] }],
  },
  {
    name: 'rect',
    category: 'graphics',
    doc: 'Draws a filled rectangle.',
    signatures: [{ params: [x, y, req('w', 'width'), req('h', 'height'), color] }],
  },
  {
    name: 'rectb',
    category: 'graphics',
    doc: 'Draws the one-pixel outline of a rectangle.',
    signatures: [{ params: [x, y, req('w', 'width'), req('h', 'height'), color] }],
  },
  {
    name: 'circ',
    category: 'graphics',
    doc: 'Draws a filled circle centred on (x, y). A negative radius draws nothing.',
    signatures: [{ params: [x, y, req('r', 'radius'), color] }],
  },
  {
    name: 'circb',
    category: 'graphics',
    doc: 'Draws the outline of a circle centred on (x, y).',
    signatures: [{ params: [x, y, req('r', 'radius'), color] }],
  },
  {
    name: 'elli',
    category: 'graphics',
    doc: 'Draws a filled ellipse centred on (x, y) with radii a (horizontal) and b (vertical).',
    signatures: [{ params: [x, y, req('a', 'horizontal radius'), req('b', 'vertical radius'), color] }],
  },
  {
    name: 'ellib',
    category: 'graphics',
    doc: 'Draws the outline of an ellipse centred on (x, y).',
    signatures: [{ params: [x, y, req('a', 'horizontal radius'), req('b', 'vertical radius'), color] }],
  },
  {
    name: 'tri',
    category: 'graphics',
    doc: 'Draws a filled triangle. Vertices may be fractional; edges are inclusive.',
    signatures: [
      {
        params: [
          req('x1', 'vertex 1 x'),
          req('y1', 'vertex 1 y'),
          req('x2', 'vertex 2 x'),
          req('y2', 'vertex 2 y'),
          req('x3', 'vertex 3 x'),
          req('y3', 'vertex 3 y'),
          color,
        ],
      },
    ],
  },
  {
    name: 'trib',
    category: 'graphics',
    doc: 'Draws the outline of a triangle (three lines).',
    signatures: [
      {
        params: [
          req('x1', 'vertex 1 x'),
          req('y1', 'vertex 1 y'),
          req('x2', 'vertex 2 x'),
          req('y2', 'vertex 2 y'),
          req('x3', 'vertex 3 x'),
          req('y3', 'vertex 3 y'),
          color,
        ],
      },
    ],
  },
  {
    name: 'ttri',
    category: 'graphics',
    doc: "Draws a textured triangle. `texsrc`: 0 = sprite sheet (128x256), 1 = map (1920x1088), 2 = the other VRAM bank's screen. With all 17 arguments and positive z values the texture is perspective-correct and depth-tested.",
    signatures: [
      {
        params: [
          req('x1', 'vertex 1 x'),
          req('y1', 'vertex 1 y'),
          req('x2', 'vertex 2 x'),
          req('y2', 'vertex 2 y'),
          req('x3', 'vertex 3 x'),
          req('y3', 'vertex 3 y'),
          req('u1', 'texture u of vertex 1'),
          req('v1', 'texture v of vertex 1'),
          req('u2', 'texture u of vertex 2'),
          req('v2', 'texture v of vertex 2'),
          req('u3', 'texture u of vertex 3'),
          req('v3', 'texture v of vertex 3'),
          opt('texsrc', '0', '0 sprite sheet, 1 map, 2 other VRAM bank'),
          opt('chromakey', '-1', 'transparent colour, or a table of up to 16 colours'),
          maybe('z1', 'depth of vertex 1'),
          maybe('z2', 'depth of vertex 2'),
          maybe('z3', 'depth of vertex 3'),
        ],
      },
    ],
  },
  {
    name: 'textri',
    category: 'graphics',
    doc: 'Deprecated textured triangle; use `ttri`.',
    signatures: [
      {
        params: [
          req('x1', 'vertex 1 x'),
          req('y1', 'vertex 1 y'),
          req('x2', 'vertex 2 x'),
          req('y2', 'vertex 2 y'),
          req('x3', 'vertex 3 x'),
          req('y3', 'vertex 3 y'),
          req('u1', 'texture u of vertex 1'),
          req('v1', 'texture v of vertex 1'),
          req('u2', 'texture u of vertex 2'),
          req('v2', 'texture v of vertex 2'),
          req('u3', 'texture u of vertex 3'),
          req('v3', 'texture v of vertex 3'),
          opt('use_map', 'false', 'true reads the map instead of the sprite sheet'),
          opt('chromakey', '-1', 'transparent colour'),
        ],
      },
    ],
  },
  {
    name: 'paint',
    category: 'graphics',
    doc: "Flood-fills from (x, y). Without `bordercolor` it fills the area of the seed pixel's colour; with it, everything up to that border colour. Limited to the clip rectangle.",
    signatures: [{ params: [x, y, color, opt('bordercolor', '-1', 'colour that stops the fill')] }],
  },
  {
    name: 'clip',
    category: 'graphics',
    doc: 'Limits drawing to the rectangle [x, x+w) x [y, y+h). With no arguments, drawing may use the whole screen again.',
    signatures: [{ params: [x, y, req('w', 'width'), req('h', 'height')] }, { params: [] }],
  },
  {
    name: 'spr',
    category: 'graphics',
    doc: 'Draws sprite `id` (0..255 background tiles, 256..511 foreground sprites). `flip`: bit 0 horizontal, bit 1 vertical; `rotate`: 0..3 quarter turns clockwise. `w` and `h` draw a block of several sprites and are read only when all 9 arguments are given.',
    signatures: [
      {
        params: [
          req('id', 'sprite index'),
          x,
          y,
          opt('colorkey', '-1', 'transparent colour, or a table of up to 16 colours'),
          opt('scale', '1', 'integer magnification'),
          opt('flip', '0', '1 horizontal, 2 vertical, 3 both'),
          opt('rotate', '0', '0..3 quarter turns clockwise'),
          opt('w', '1', 'block width in sprites'),
          opt('h', '1', 'block height in sprites'),
        ],
      },
    ],
  },
  {
    name: 'map',
    category: 'graphics',
    doc: 'Draws map cells x..x+w-1, y..y+h-1 at screen position (sx, sy). `remap(tile, x, y)` may return `tile, flip, rotate` to change each cell as it is drawn.',
    signatures: [
      {
        params: [
          opt('x', '0', 'first map column'),
          opt('y', '0', 'first map row'),
          opt('w', '30', 'columns to draw'),
          opt('h', '17', 'rows to draw'),
          opt('sx', '0', 'screen x'),
          opt('sy', '0', 'screen y'),
          opt('colorkey', '-1', 'transparent colour, or a table of colours'),
          opt('scale', '1', 'integer magnification'),
          maybe('remap', 'function(tile, x, y) returning tile, flip, rotate'),
        ],
      },
    ],
  },
  {
    name: 'mget',
    category: 'graphics',
    doc: 'Returns the tile index at map cell (x, y), or 0 outside the 240x136 map.',
    signatures: [{ params: [req('x', 'map column 0..239'), req('y', 'map row 0..135')], returns: 'tile' }],
  },
  {
    name: 'mset',
    category: 'graphics',
    doc: 'Sets the tile index of map cell (x, y). Cells outside the map are ignored.',
    signatures: [{ params: [req('x', 'map column 0..239'), req('y', 'map row 0..135'), req('id', 'tile index')] }],
  },
  {
    name: 'print',
    category: 'graphics',
    doc: 'Prints text with the system font and returns the width of the widest line in pixels. The colour is not passed through the palette map. x and y are read only when at least 3 arguments are given.',
    signatures: [
      {
        params: [
          req('text', 'any value (converted with tostring)'),
          opt('x', '0', 'screen x'),
          opt('y', '0', 'screen y'),
          opt('color', '15', 'palette index 0..15'),
          opt('fixed', 'false', 'fixed-width characters'),
          opt('scale', '1', 'integer magnification'),
          opt('smallfont', 'false', 'use the small font'),
        ],
        returns: 'width',
      },
    ],
  },
  {
    name: 'font',
    category: 'graphics',
    doc: 'Prints text with glyphs taken from the sprite sheet (one sprite per character code) and returns the width in pixels.',
    signatures: [
      {
        params: [
          req('text', 'text to print'),
          x,
          y,
          opt('chromakey', '0', 'transparent colour'),
          opt('char_width', '8', 'glyph cell width'),
          opt('char_height', '8', 'glyph cell height'),
          opt('fixed', 'false', 'fixed-width characters'),
          opt('scale', '1', 'integer magnification'),
          opt('alt', 'false', 'use the second half of the sheet (codes + 128)'),
        ],
        returns: 'width',
      },
    ],
  },
  {
    name: 'vbank',
    category: 'graphics',
    doc: 'Selects VRAM bank 0 or 1 (bank 1 is an overlay drawn over bank 0) and returns the bank selected before. With no argument it only returns the current bank.',
    signatures: [{ params: [maybe('id', '0 or 1')], returns: 'previous_id' }],
  },
  {
    name: 'fget',
    category: 'graphics',
    doc: 'Returns flag `flag` (0..7) of sprite `sprite` (0..511).',
    signatures: [{ params: [req('sprite', 'sprite index 0..511'), req('flag', 'flag 0..7')], returns: 'bool' }],
  },
  {
    name: 'fset',
    category: 'graphics',
    doc: 'Sets flag `flag` (0..7) of sprite `sprite` (0..511).',
    signatures: [{ params: [req('sprite', 'sprite index 0..511'), req('flag', 'flag 0..7'), req('bool', 'new value')] }],
  },
  // Input
  {
    name: 'btn',
    category: 'input',
    doc: 'Is a gamepad button down? id = player*8 + button, buttons 0 up, 1 down, 2 left, 3 right, 4 A, 5 B, 6 X, 7 Y. With no argument, returns all 32 button bits as an integer.',
    signatures: [
      { params: [req('id', 'player*8 + button (0..31)')], returns: 'pressed' },
      { params: [], returns: 'bits' },
    ],
  },
  {
    name: 'btnp',
    category: 'input',
    doc: 'Was a gamepad button just pressed this frame? With `hold` and `period` (in frames) it also returns true every `period` frames once the button has been held for `hold` frames.',
    signatures: [
      { params: [req('id', 'player*8 + button (0..31)')], returns: 'pressed' },
      { params: [req('id', 'player*8 + button (0..31)'), req('hold', 'frames before repeating'), req('period', 'frames between repeats')], returns: 'pressed' },
      { params: [], returns: 'bits' },
    ],
  },
  {
    name: 'key',
    category: 'input',
    doc: 'Is keyboard key `code` (1..94) down? With no argument: is any key down?',
    signatures: [
      { params: [req('code', 'key code 1..94')], returns: 'pressed' },
      { params: [], returns: 'pressed' },
    ],
  },
  {
    name: 'keyp',
    category: 'input',
    doc: 'Was keyboard key `code` just pressed this frame? With `hold` and `period` it repeats like `btnp`. With no argument: was any key just pressed?',
    signatures: [
      { params: [req('code', 'key code 1..94')], returns: 'pressed' },
      { params: [req('code', 'key code 1..94'), req('hold', 'frames before repeating'), req('period', 'frames between repeats')], returns: 'pressed' },
      { params: [], returns: 'pressed' },
    ],
  },
  {
    name: 'mouse',
    category: 'input',
    doc: 'Returns the mouse position in screen coordinates, the three buttons as booleans and the scroll wheel (-32..31).',
    signatures: [{ params: [], returns: 'x, y, left, middle, right, scrollx, scrolly' }],
  },
  // Sound
  {
    name: 'sfx',
    category: 'sound',
    doc: 'Plays sound effect `id` (0..63) on a channel; id -1 stops the channel. `note` is a number (octave*12 + note) or a string like "C#4" (octaves count from 1). Leave `note` nil to use the effect\'s own note.',
    signatures: [
      {
        params: [
          req('id', 'sfx index 0..63, or -1 to stop'),
          maybe('note', 'number 0..95 or a string like "C-4"'),
          opt('duration', '-1', 'frames to play, -1 forever'),
          opt('channel', '0', 'channel 0..3'),
          opt('volume', '15', 'volume 0..15'),
          maybe('speed', 'speed -4..3'),
        ],
      },
    ],
  },
  {
    name: 'music',
    category: 'sound',
    doc: 'Plays music track `track` (0..7). With no arguments, music stops.',
    signatures: [
      {
        params: [
          opt('track', '-1', 'track 0..7'),
          opt('frame', '-1', 'first frame'),
          opt('row', '-1', 'first row'),
          opt('loop', 'true', 'loop the track'),
          opt('sustain', 'false', 'keep notes sounding between frames'),
          opt('tempo', '-1', 'override the track tempo'),
          opt('speed', '-1', 'override the track speed'),
        ],
      },
    ],
  },
  {
    name: 'fft',
    category: 'sound',
    doc: 'Returns the level of one FFT bucket (0..1023) of captured audio input, or the sum of buckets start..end.',
    signatures: [{ params: [req('start', 'bucket 0..1023'), opt('end', '-1', 'last bucket of a sum')], returns: 'level' }],
  },
  {
    name: 'ffts',
    category: 'sound',
    doc: 'Like `fft`, but smoothed over time.',
    signatures: [{ params: [req('start', 'bucket 0..1023'), opt('end', '-1', 'last bucket of a sum')], returns: 'level' }],
  },
  // Memory
  {
    name: 'peek',
    category: 'memory',
    doc: 'Reads RAM. `addr` counts in units of `bits` (1, 2, 4 or 8), so with bits=4 it is a nibble address. Out of range reads return 0.',
    signatures: [{ params: [req('addr', 'address in units of bits'), opt('bits', '8', '1, 2, 4 or 8')], returns: 'value' }],
  },
  {
    name: 'poke',
    category: 'memory',
    doc: 'Writes RAM. `addr` counts in units of `bits` (1, 2, 4 or 8). Out of range writes do nothing.',
    signatures: [{ params: [req('addr', 'address in units of bits'), req('value', 'value to write'), opt('bits', '8', '1, 2, 4 or 8')] }],
  },
  {
    name: 'peek1',
    category: 'memory',
    doc: 'Reads one bit; `addr` is a bit address.',
    signatures: [{ params: [req('addr', 'bit address')], returns: 'value' }],
  },
  {
    name: 'peek2',
    category: 'memory',
    doc: 'Reads two bits; `addr` counts in 2-bit units.',
    signatures: [{ params: [req('addr', '2-bit address')], returns: 'value' }],
  },
  {
    name: 'peek4',
    category: 'memory',
    doc: 'Reads a nibble; `addr` is a nibble address (the low nibble of byte b is 2*b).',
    signatures: [{ params: [req('addr', 'nibble address')], returns: 'value' }],
  },
  {
    name: 'poke1',
    category: 'memory',
    doc: 'Writes one bit; `addr` is a bit address.',
    signatures: [{ params: [req('addr', 'bit address'), req('value', '0 or 1')] }],
  },
  {
    name: 'poke2',
    category: 'memory',
    doc: 'Writes two bits; `addr` counts in 2-bit units.',
    signatures: [{ params: [req('addr', '2-bit address'), req('value', '0..3')] }],
  },
  {
    name: 'poke4',
    category: 'memory',
    doc: 'Writes a nibble; `addr` is a nibble address (the low nibble of byte b is 2*b).',
    signatures: [{ params: [req('addr', 'nibble address'), req('value', '0..15')] }],
  },
  {
    name: 'memcpy',
    category: 'memory',
    doc: 'Copies `size` bytes from `src` to `dest` (overlap allowed). Does nothing unless both ranges lie inside RAM (0..0x17FFF).',
    signatures: [{ params: [req('dest', 'destination address'), req('src', 'source address'), req('size', 'byte count')] }],
  },
  {
    name: 'memset',
    category: 'memory',
    doc: 'Fills `size` bytes at `dest` with `value`. Does nothing unless the range lies inside RAM.',
    signatures: [{ params: [req('dest', 'destination address'), req('value', 'byte value'), req('size', 'byte count')] }],
  },
  {
    name: 'pmem',
    category: 'memory',
    doc: 'Reads persistent memory slot `index` (0..255), which survives between runs; with `value`, also stores it. Always returns the value from before the write.',
    signatures: [{ params: [req('index', 'slot 0..255'), maybe('value', 'new 32-bit value')], returns: 'old_value' }],
  },
  {
    name: 'sync',
    category: 'memory',
    doc: 'Copies sections between cart bank `bank` and RAM (cart to RAM, or RAM to cart with `tocart`). mask bits: 1 tiles, 2 sprites, 4 map, 8 sfx, 16 music, 32 palette, 64 flags, 128 screen; 0 means all.',
    signatures: [
      { params: [opt('mask', '0', 'sections to copy (0 = all)'), opt('bank', '0', 'cart bank 0..7'), opt('tocart', 'false', 'copy RAM to the cart instead')] },
    ],
  },
  // System
  {
    name: 'trace',
    category: 'system',
    doc: 'Prints a message in the studio console.',
    signatures: [{ params: [req('msg', 'any value (converted with tostring)'), opt('color', '15', 'palette index 0..15')] }],
  },
  {
    name: 'time',
    category: 'system',
    doc: 'Milliseconds since the cart started (a float). Paused time is not counted.',
    signatures: [{ params: [], returns: 'ms' }],
  },
  {
    name: 'stat',
    category: 'system',
    doc: "Nibble's own, as in PICO-8: `stat(0)` is the Lua memory the cart uses, in KiB; `stat(1)` is the CPU this frame has used so far, where 1 is a whole 60 Hz frame (with `nibble run --max-instructions`, the share of that budget: the same on every machine).",
    signatures: [{ params: [req('n', '0 memory, 1 CPU')], returns: 'value' }],
  },
  {
    name: 'tstamp',
    category: 'system',
    doc: 'The current Unix time in seconds.',
    signatures: [{ params: [], returns: 'seconds' }],
  },
  {
    name: 'exit',
    category: 'system',
    doc: 'Ends the run after the current `TIC()` returns.',
    signatures: [{ params: [] }],
  },
  {
    name: 'reset',
    category: 'system',
    doc: 'Restarts the cart on the next frame: RAM is reloaded from the cart and the script runs again from the top, then `BOOT`. Clip, palette map, vbank and sound are left as they are.',
    signatures: [{ params: [] }],
  },
  // Callbacks
  {
    name: 'TIC',
    category: 'callback',
    doc: 'Called once per frame, 60 times a second. Every cart must define it.',
    signatures: [{ params: [] }],
  },
  {
    name: 'BOOT',
    category: 'callback',
    doc: 'Called once, after the script has run and before the first `TIC()`.',
    signatures: [{ params: [] }],
  },
  {
    name: 'SCN',
    category: 'callback',
    doc: 'Called before each screen line (0..135) is drawn to the output; palette changes made here apply from the next line.',
    signatures: [{ params: [req('row', 'screen line 0..135')] }],
  },
  {
    name: 'BDR',
    category: 'callback',
    doc: 'Called at the start of every output row (0..143), border included, before `SCN` of that row.',
    signatures: [{ params: [req('row', 'output row 0..143')] }],
  },
  {
    name: 'OVR',
    category: 'callback',
    doc: 'Deprecated overlay callback, called right after `TIC()` with VRAM bank 1 selected and cleared. Use `vbank(1)` instead.',
    signatures: [{ params: [] }],
  },
  {
    name: 'MENU',
    category: 'callback',
    doc: "Called when the player picks an item of the cart's game menu (declared with a `-- menu: ITEM1 ITEM2` header line). `index` counts from 0.",
    signatures: [{ params: [req('index', 'menu item, from 0')] }],
  },
];

const byName = new Map(API_DOCS.map((entry) => [entry.name, entry]));

export function findApiEntry(name: string): ApiEntry | undefined {
  return byName.get(name);
}

export function paramLabel(param: ApiParam): string {
  if (param.defaultValue !== undefined) return `[${param.name}=${param.defaultValue}]`;
  if (param.optional) return `[${param.name}]`;
  return param.name;
}

export function signatureLabel(name: string, signature: ApiSignature): string {
  const call = `${name}(${signature.params.map(paramLabel).join(', ')})`;
  return signature.returns ? `${call} -> ${signature.returns}` : call;
}
