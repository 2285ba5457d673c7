// Conformance: time, tstamp, trace and exit, the callbacks TIC, BOOT, SCN, BDR and OVR, and the
// composed 256 x 144 output frame (reference §1.5, §2, §3). Frame expectations are colours of the
// SWEETIE-16 palette or colours the cart pokes into it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectError, expectFrame, expectOk, SWEETIE, traced } from './expect.js';
import { Rig } from './rig.js';

const rig = await Rig.load();

/** Is output-frame pixel (fx, fy) on the 240 x 136 screen (and not the border)? */
const onScreen = (fx: number, fy: number) => fx >= 8 && fx < 248 && fy >= 4 && fy < 140;
const hex = (n: number) => n.toString(16).padStart(2, '0');

describe('stat (Nibble, as PICO-8)', () => {
  it('stat(0) is the Lua memory in use, in KiB', () => {
    const [before, grew] = traced(
      rig.tic('local a = stat(0) trace(math.floor(a)) t = {} for i = 1, 100000 do t[i] = i end trace(stat(0) - a > 1000)'),
      'stat(0)',
    );
    assert.ok(Number(before) > 10 && Number(before) < 4096, `stat(0) at start: ${before}`);
    assert.equal(grew, 'true', 'a 100000-entry array adds more than 1000 KiB');
  });

  it('stat(1) is the share of a 60 Hz frame used so far, and grows as the frame runs', () => {
    const [start, grew] = traced(rig.tic('local a = stat(1) for i = 1, 2000000 do end trace(a >= 0 and a < 1) trace(stat(1) > a)'), 'stat(1)');
    assert.deepEqual([start, grew], ['true', 'true']);
  });

  it('with an instruction budget, stat(1) is the share of the budget this frame has run', () => {
    const run = rig.run('function TIC() trace(stat(1)) for i = 1, 500000 do end trace(stat(1)) end', { frames: 2, instructionBudget: 1_000_000 });
    const shares = traced(run, 'stat(1)').map(Number);
    for (const frame of [0, 1]) {
      assert.ok(shares[frame * 2] < 0.002, `frame ${frame + 1} starts at ${shares[frame * 2]}`);
      assert.ok(Math.abs(shares[frame * 2 + 1] - 0.5) <= 0.002, `500000 of 1000000 instructions gave ${shares[frame * 2 + 1]}`);
    }
  });

  it('other arguments are refused with what stat knows', () => {
    const message = 'cart.lua:2: invalid params, stat(0) is the Lua memory in use in KiB, stat(1) the CPU this frame has used (1 = a whole 60 Hz frame)';
    expectError(rig.tic('stat()'), 'stat()', message);
    expectError(rig.tic('stat(7)'), 'stat(7)', message);
  });
});

describe('time, tstamp, trace, exit', () => {
  it('time() is a float of milliseconds: (N-1) * 1000/60 in frame N with deterministic time', () => {
    const run = rig.run('trace(time()) function BOOT() trace(time()) end function TIC() trace(time()) trace(math.type(time())) end', { frames: 3 });
    assert.deepEqual(traced(run, 'time()'), ['0.0', '0.0', '0.0', 'float', '16.666666666667', 'float', '33.333333333333', 'float']);
  });

  it('tstamp() is the Unix time in whole seconds, as a float', () => {
    const before = Math.floor(Date.now() / 1000);
    const [type, value] = traced(rig.tic('trace(math.type(tstamp())) trace(string.format("%.0f", tstamp()))'), 'tstamp()');
    assert.equal(type, 'float');
    assert.ok(Number(value) >= before && Number(value) <= before + 5, `tstamp() ${value}`);
  });

  it('trace converts with tostring; the colour defaults to 15 and is taken as a byte', () => {
    const run = rig.tic('trace("hi") trace(1.5, 3) trace(nil) trace(true, 256+2)');
    expectOk(run, 'trace');
    assert.deepEqual(run.traces, [
      { text: 'hi', color: 15 },
      { text: '1.5', color: 3 },
      { text: 'nil', color: 15 },
      { text: 'true', color: 2 },
    ]);
    expectError(rig.tic('trace()'), 'trace()', 'cart.lua:2: invalid params, trace(text,[color])');
  });

  it('exit() lets the current TIC() finish, then the run ends', () => {
    const run = rig.tic('trace("a") exit() trace("b")', { frames: 3 });
    assert.equal(run.status, 'exit');
    assert.equal(run.frames, 1);
    assert.deepEqual(
      run.traces.map((t) => t.text),
      ['a', 'b'],
    );
  });
});

describe('TIC and BOOT', () => {
  it('the top level runs, then BOOT once, then TIC every frame', () => {
    const run = rig.run('trace("top") function BOOT() trace("boot") end function TIC() trace("tic") end', { frames: 2 });
    assert.deepEqual(traced(run, 'callback order'), ['top', 'boot', 'tic', 'tic']);
  });

  it('callbacks are looked up by name every time', () => {
    const run = rig.run('function TIC() trace("one") TIC = function() trace("two") end end', { frames: 3 });
    assert.deepEqual(traced(run, 'TIC replaced'), ['one', 'two', 'two']);
  });

  it('a missing TIC is an error', () => {
    expectError(rig.run('x = 1'), 'no TIC', "'function TIC()...' isn't found :(");
  });

  it('errors name the cart line and carry a traceback', () => {
    const run = rig.run('function TIC()\n  error("boom")\nend');
    expectError(run, 'error("boom")', 'cart.lua:2: boom');
    assert.equal(run.error?.line, 2);
    assert.match(run.error?.traceback ?? '', /^stack traceback:/);
    expectError(rig.run('function BOOT() local t = nil; t.x = 1 end function TIC() end'), 'BOOT error', "cart.lua:1: attempt to index a nil value (local 't')");
  });
});

describe('the output frame', () => {
  it('screen pixels through the palette inside a border of the border colour', () => {
    const run = rig.tic('cls(1) poke(0x3FF8, 2) poke(0x3FC0+3, 0x12) poke(0x3FC0+4, 0x34) poke(0x3FC0+5, 0x56) pix(0,0,3)');
    expectFrame(run, 'cls(1), border 2', (fx, fy) => (fx === 8 && fy === 4 ? SWEETIE[3] : onScreen(fx, fy) ? '123456' : SWEETIE[2]));
  });

  it('the screen offset scrolls the picture, wrapping', () => {
    const run = rig.tic('cls(0) pix(1,0,5) pix(0,135,6) poke(0x3FF9, 1) poke(0x3FFA, 255)');
    // Displayed (x, y) shows VRAM ((x + 1) mod 240, (y - 1) mod 136).
    expectFrame(run, 'offset (1, -1)', (fx, fy) => {
      if (fx === 8 && fy === 5) return SWEETIE[5];
      if (fx === 247 && fy === 4) return SWEETIE[6];
      return SWEETIE[0];
    });
  });

  it('vbank 1 is drawn over vbank 0 with its own palette; its colour 0 (or its clear colour) is transparent', () => {
    const overlay = 'cls(1) vbank(1) cls(0) pix(0,0,3) pix(1,0,4) poke(0x3FC0+9, 0xFF)';
    expectFrame(rig.tic(`${overlay} vbank(0)`), 'vbank compositing', (fx, fy) => {
      if (fx === 8 && fy === 4) return 'ff7d57';
      if (fx === 9 && fy === 4) return SWEETIE[4];
      return onScreen(fx, fy) ? SWEETIE[1] : SWEETIE[0];
    });
    // With clear colour 4, bank 1's colour-0 pixels cover bank 0 and its colour 4 shows bank 0.
    expectFrame(rig.tic(`${overlay} poke(0x3FF8, 4) vbank(0)`), 'vbank compositing, clear colour 4', (fx, fy) => {
      if (fx === 8 && fy === 4) return 'ff7d57';
      if (fx === 9 && fy === 4) return SWEETIE[1];
      return SWEETIE[0];
    });
  });
});

describe('SCN, BDR, OVR', () => {
  it('SCN(row) runs before each screen line; palette pokes apply from that line on', () => {
    const run = rig.run('function TIC() cls(0) end function SCN(row) poke(0x3FC0, row) end');
    // SCN(0) runs at output row 0, SCN(n) at output row n + 4; the border uses colour 0 as well.
    expectFrame(run, 'SCN red ramp', (_fx, fy) => `${hex(fy <= 4 ? 0 : Math.min(fy - 4, 135))}1c2c`);
  });

  it('BDR(row) runs before every output row, before SCN', () => {
    const run = rig.run('function TIC() cls(0) end function BDR(row) poke(0x3FC1, row) poke(0x3FC0, 0) end function SCN(row) poke(0x3FC0, 255) end');
    expectFrame(run, 'BDR green ramp with SCN red', (_fx, fy) => `${fy === 0 || (fy > 4 && fy < 140) ? 'ff' : '00'}${hex(fy)}2c`);
  });

  it('the legacy scanline(row) runs right after SCN with the same row', () => {
    const run = rig.run('function TIC() cls(0) end function SCN(row) poke(0x3FC2, 1) end function scanline(row) poke(0x3FC2, row) end');
    expectFrame(run, 'scanline blue ramp', (_fx, fy) => `1a1c${hex(fy <= 4 ? 0 : Math.min(fy - 4, 135))}`);
  });

  it('an error in SCN stops the run with the cart line', () => {
    expectError(rig.run('function TIC() end\nfunction SCN(row)\nif row == 10 then error("scn") end\nend'), 'SCN error', 'cart.lua:3: scn');
  });

  it('OVR draws on vbank 1 after TIC, on a bank cleared to 0 every frame, with its own palette', () => {
    const cart = [
      'n = 0',
      'function TIC() n = n + 1 cls(3) trace(vbank()) end',
      'function OVR() trace(vbank()) if n == 1 then pix(0,0,3) pix(1,0,2) poke(0x3FC0+6, 0) end end',
    ].join('\n');
    const first = rig.run(cart);
    assert.deepEqual(traced(first, 'OVR frame 1'), ['0', '1']);
    expectFrame(first, 'OVR frame 1', (fx, fy) => {
      if (fx === 9 && fy === 4) return '003e53';
      return onScreen(fx, fy) ? SWEETIE[3] : SWEETIE[0];
    });
    const second = rig.run(cart, { frames: 2 });
    expectFrame(second, 'OVR frame 2', (fx, fy) => (onScreen(fx, fy) ? SWEETIE[3] : SWEETIE[0]));
  });
});
