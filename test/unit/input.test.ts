import { it } from 'node:test';
import assert from 'node:assert/strict';

import {
  BUTTON_MAPPING_ADDR as MAPPING,
  GAMEPADS_ADDR as GAMEPADS,
  KEYBOARD_ADDR as KEYBOARD,
  MOUSE_ADDR as MOUSE,
  RAM_BYTES,
} from '../../runner/common/memory-map.js';
import { Input, writeDefaultKeyMapping } from '../../runner/vm/input.js';
import type { InputSnapshot } from '../../runner/common/protocol.js';

const KEY_A = 1;
const KEY_S = 19;
const KEY_X = 24;
const KEY_Z = 26;
const KEY_UP = 58;
const KEY_RIGHT = 61;

function snapshot(overrides: Partial<InputSnapshot> = {}): InputSnapshot {
  return { gamepads: 0, mouseX: 0, mouseY: 0, mouseButtons: 0, scrollX: 0, scrollY: 0, keys: [], ...overrides };
}

/** Runs one frame: begin with the snapshot, let `during` play the cart's part, end. */
function frame<T>(input: Input, state: InputSnapshot, during: () => T): T {
  input.beginFrame(state);
  const result = during();
  input.endFrame();
  return result;
}

it('beginFrame writes the 12-byte input block in TIC-80 layout', () => {
  const ram = new Uint8Array(RAM_BYTES);
  const input = new Input(ram);
  input.beginFrame(snapshot({ gamepads: 0x80402001, mouseX: 100, mouseY: 50, mouseButtons: 0b101, scrollX: -1, scrollY: 3, keys: [KEY_A, 94] }));
  assert.deepEqual([...ram.subarray(GAMEPADS, GAMEPADS + 4)], [0x01, 0x20, 0x40, 0x80]);
  const bits = 0b101 | (0x3f << 3) | (3 << 9);
  assert.deepEqual([...ram.subarray(MOUSE, MOUSE + 4)], [100, 50, bits & 0xff, bits >> 8]);
  assert.deepEqual([...ram.subarray(KEYBOARD, KEYBOARD + 4)], [KEY_A, 94, 0, 0]);
});

it('junk from the host is clamped and masked before it reaches RAM', () => {
  const ram = new Uint8Array(RAM_BYTES);
  const input = new Input(ram);
  input.beginFrame({
    gamepads: Number.NaN,
    mouseX: 1000,
    mouseY: -5,
    mouseButtons: 0xff,
    scrollX: 99,
    scrollY: -99,
    keys: [0, 95, -3, 2.5, 7, 8, 9, 10, 11],
  });
  assert.deepEqual([...ram.subarray(GAMEPADS, GAMEPADS + 4)], [0, 0, 0, 0]);
  assert.equal(ram[MOUSE], 255);
  assert.equal(ram[MOUSE + 1], 0);
  const [, , left, middle, right, scrollX, scrollY] = input.mouse();
  assert.deepEqual([left, middle, right, scrollX, scrollY], [true, true, true, 31, -32]);
  assert.equal(ram[MOUSE + 3] & 0x80, 0, 'the host cannot set relative mode');
  assert.deepEqual([...ram.subarray(KEYBOARD, KEYBOARD + 4)], [7, 8, 9, 10], 'invalid codes dropped, at most 4 kept');
});

it('btn reads RAM: all 32 bits unsigned, or one id masked with 0x1f', () => {
  const ram = new Uint8Array(RAM_BYTES);
  const input = new Input(ram);
  input.beginFrame(snapshot({ gamepads: 0x80000010 }));
  assert.equal(input.btn(), 0x80000010);
  assert.equal(input.btnId(4), true);
  assert.equal(input.btnId(31), true);
  assert.equal(input.btnId(31 + 32), true, 'id & 0x1f');
  assert.equal(input.btnId(0), false);
  ram[GAMEPADS] = 0x01;
  assert.equal(input.btnId(0), true, 'a cart poke is visible to btn');
});

it('btnp is true only on the frame a button goes down', () => {
  const input = new Input(new Uint8Array(RAM_BYTES));
  const down = snapshot({ gamepads: 1 << 5 });
  const results = [snapshot(), down, down, snapshot(), down].map((state) => frame(input, state, () => [input.btnpId(5), input.btnp()] as const));
  assert.deepEqual(results, [
    [false, 0],
    [true, 1 << 5],
    [false, 0],
    [false, 0],
    [true, 1 << 5],
  ]);
});

it('btnp with hold and period repeats at count >= hold on multiples of period', () => {
  const input = new Input(new Uint8Array(RAM_BYTES));
  const down = snapshot({ gamepads: 1 });
  const fired: number[] = [];
  for (let f = 0; f < 12; f++) {
    if (frame(input, down, () => input.btnpId(0, 4, 3))) fired.push(f);
  }
  // Frame 0 is the press (hold count 0); the count on frame f is f, so repeats at 6 and 9 (>= 4, % 3 == 0).
  assert.deepEqual(fired, [0, 6, 9]);
});

it('btnp with period 0 repeats every frame once the hold is reached', () => {
  const input = new Input(new Uint8Array(RAM_BYTES));
  const down = snapshot({ gamepads: 1 << 9 });
  const fired: number[] = [];
  for (let f = 0; f < 6; f++) {
    if (frame(input, down, () => input.btnpId(9, 3, 0))) fired.push(f);
  }
  assert.deepEqual(fired, [0, 3, 4, 5]);
});

it('releasing a button resets its hold count', () => {
  const input = new Input(new Uint8Array(RAM_BYTES));
  const down = snapshot({ gamepads: 1 });
  const sequence = [down, down, down, snapshot(), down, down, down];
  const fired = sequence.map((state) => frame(input, state, () => input.btnpId(0, 2, 1)));
  assert.deepEqual(fired, [true, false, true, false, true, false, true]);
});

it('negative hold or period means a plain edge', () => {
  const input = new Input(new Uint8Array(RAM_BYTES));
  const down = snapshot({ gamepads: 1 });
  const fired = [down, down, down].map((state) => frame(input, state, () => input.btnpId(0, -1, 0)));
  assert.deepEqual(fired, [true, false, false]);
});

it('a cart clearing gamepad RAM cannot create an edge on the next frame', () => {
  const ram = new Uint8Array(RAM_BYTES);
  const input = new Input(ram);
  const down = snapshot({ gamepads: 1 });
  frame(input, down, () => {
    ram.fill(0, GAMEPADS, GAMEPADS + 4);
  });
  const edge = frame(input, down, () => [input.btnpId(0), input.btnp()] as const);
  assert.deepEqual(edge, [false, 0], 'the previous state is the host snapshot, not RAM');
});

it('a cart poke shows as down now but the previous frame stays the host snapshot', () => {
  const ram = new Uint8Array(RAM_BYTES);
  const input = new Input(ram);
  frame(input, snapshot(), () => undefined);
  const withPoke = frame(input, snapshot(), () => {
    ram[GAMEPADS] = 1;
    return input.btnpId(0);
  });
  assert.equal(withPoke, true, 'current state is read from RAM, as TIC-80 does');
  assert.equal(
    frame(input, snapshot({ gamepads: 1 }), () => input.btnpId(0)),
    true,
    'the poke did not become the previous state: a real press on the next frame is still an edge',
  );
});

it('the default mapping turns arrows, Z, X, A, S into player 1 buttons', () => {
  const ram = new Uint8Array(RAM_BYTES);
  writeDefaultKeyMapping(ram);
  assert.deepEqual([...ram.subarray(MAPPING, MAPPING + 8)], [58, 59, 60, 61, 26, 24, 1, 19]);
  assert.ok(ram.subarray(MAPPING + 8, MAPPING + 32).every((b) => b === 0));
  const input = new Input(ram);
  input.beginFrame(snapshot({ keys: [KEY_UP, KEY_Z, KEY_S], gamepads: 1 << 8 }));
  assert.equal(input.btn(), (1 << 0) | (1 << 4) | (1 << 7) | (1 << 8));
  assert.equal(ram[GAMEPADS], 0b1001_0001, 'mapped bits are ORed into RAM');
});

it('mapped keys produce edges and holds like real buttons', () => {
  const ram = new Uint8Array(RAM_BYTES);
  writeDefaultKeyMapping(ram);
  const input = new Input(ram);
  const right = snapshot({ keys: [KEY_RIGHT] });
  const fired = [right, right, right, snapshot(), right].map((state) => frame(input, state, () => input.btnpId(3)));
  assert.deepEqual(fired, [true, false, false, false, true]);
});

it('the mapping is read from RAM each frame, so a cart can remap', () => {
  const ram = new Uint8Array(RAM_BYTES);
  const input = new Input(ram);
  ram[MAPPING + 15] = KEY_X;
  input.beginFrame(snapshot({ keys: [KEY_X] }));
  assert.equal(input.btn(), 1 << 15);
});

it('key and keyCode read the 4 key slots in RAM; code 0 means any key', () => {
  const ram = new Uint8Array(RAM_BYTES);
  const input = new Input(ram);
  input.beginFrame(snapshot());
  assert.equal(input.key(), false);
  assert.equal(input.keyCode(0), false);
  input.beginFrame(snapshot({ keys: [KEY_S] }));
  assert.equal(input.key(), true);
  assert.equal(input.keyCode(0), true);
  assert.equal(input.keyCode(KEY_S), true);
  assert.equal(input.keyCode(KEY_A), false);
  assert.equal(input.keyCode(95), false);
  assert.equal(input.keyCode(-1), false);
  ram[KEYBOARD + 3] = KEY_A;
  assert.equal(input.keyCode(KEY_A), true, 'a cart poke is visible to key');
});

it('keyp reports keys that were not in the previous snapshot', () => {
  const input = new Input(new Uint8Array(RAM_BYTES));
  const results = [snapshot(), snapshot({ keys: [KEY_A] }), snapshot({ keys: [KEY_A] }), snapshot({ keys: [KEY_A, KEY_S] }), snapshot({ keys: [KEY_S] })].map(
    (state) => frame(input, state, () => [input.keyp(), input.keypCode(KEY_A), input.keypCode(KEY_S)]),
  );
  assert.deepEqual(results, [
    [false, false, false],
    [true, true, false],
    [false, false, false],
    [true, false, true],
    [false, false, false],
  ]);
});

it('keyp with hold and period repeats like btnp', () => {
  const input = new Input(new Uint8Array(RAM_BYTES));
  const down = snapshot({ keys: [KEY_Z] });
  const fired: number[] = [];
  for (let f = 0; f < 10; f++) {
    if (frame(input, down, () => input.keypCode(KEY_Z, 5, 2))) fired.push(f);
  }
  assert.deepEqual(fired, [0, 6, 8]);
});

it('a key moving between slots keeps its hold count', () => {
  const input = new Input(new Uint8Array(RAM_BYTES));
  const states = [snapshot({ keys: [KEY_Z] }), snapshot({ keys: [KEY_A, KEY_Z] }), snapshot({ keys: [KEY_S, KEY_A, KEY_Z] })];
  const fired = states.map((state) => frame(input, state, () => input.keypCode(KEY_Z, 2, 0)));
  assert.deepEqual(fired, [true, false, true]);
});

it('a cart clearing key RAM cannot create a key edge on the next frame', () => {
  const ram = new Uint8Array(RAM_BYTES);
  const input = new Input(ram);
  const down = snapshot({ keys: [KEY_A] });
  frame(input, down, () => ram.fill(0, KEYBOARD, KEYBOARD + 4));
  assert.deepEqual(
    frame(input, down, () => [input.keyp(), input.keypCode(KEY_A)]),
    [false, false],
  );
});

it('mouse subtracts the border in absolute mode', () => {
  const ram = new Uint8Array(RAM_BYTES);
  const input = new Input(ram);
  input.beginFrame(snapshot({ mouseX: 8, mouseY: 4, mouseButtons: 0b010, scrollY: -2 }));
  assert.deepEqual(input.mouse(), [0, 0, false, true, false, 0, -2]);
  input.beginFrame(snapshot({ mouseX: 3, mouseY: 143 }));
  assert.deepEqual(input.mouse(), [-5, 139, false, false, false, 0, 0]);
});

it('relative mode, requested by the cart, keeps its flag and gives signed deltas', () => {
  const ram = new Uint8Array(RAM_BYTES);
  const input = new Input(ram);
  ram[MOUSE + 3] |= 0x80;
  input.beginFrame(snapshot({ mouseX: -3, mouseY: 200, mouseButtons: 1 }));
  assert.equal(ram[MOUSE + 3] & 0x80, 0x80, 'the host write keeps the cart-set relative flag');
  assert.deepEqual([ram[MOUSE], ram[MOUSE + 1]], [0xfd, 0x7f], 'deltas stored as s8, clamped');
  assert.deepEqual(input.mouse(), [-3, 127, true, false, false, 0, 0]);
  ram[MOUSE + 3] &= 0x7f;
  input.beginFrame(snapshot({ mouseX: 20, mouseY: 10 }));
  assert.deepEqual(input.mouse().slice(0, 2), [12, 6], 'back to absolute once the cart clears the flag');
});
