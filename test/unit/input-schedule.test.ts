// Scripted input: `--input` items as the CLI reads them, and the input each frame gets from them.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { scheduledInput } from '../../runner/common/input-schedule.js';
import type { InputSpan } from '../../runner/common/protocol.js';
import { InputSpecError, parseInputSpec } from '../../runner/node/cli/input-spec.js';

it("tic80-native's FROM[-TO]:MASK holds gamepad 1; pN, key and mouse items extend it", () => {
  assert.deepEqual(parseInputSpec('1-30:8,31:16'), [
    { from: 1, to: 30, gamepads: 8, keys: [] },
    { from: 31, to: 31, gamepads: 16, keys: [] },
  ]);
  assert.deepEqual(parseInputSpec('p1:2:1,p2:2-3:1,p4:5:128'), [
    { from: 2, to: 2, gamepads: 1, keys: [] },
    { from: 2, to: 3, gamepads: 0x100, keys: [] },
    { from: 5, to: 5, gamepads: 0x80000000, keys: [] },
  ]);
  assert.deepEqual(parseInputSpec('key:4-6:94'), [{ from: 4, to: 6, gamepads: 0, keys: [94] }]);
  // Screen coordinates as mouse() reports them become the frame's, border included.
  assert.deepEqual(parseInputSpec('mouse:7:0,0,mouse:8-9:239,135,5,3:2'), [
    { from: 7, to: 7, gamepads: 0, keys: [], mouse: { x: 8, y: 4, buttons: 0 } },
    { from: 8, to: 9, gamepads: 0, keys: [], mouse: { x: 247, y: 139, buttons: 5 } },
    { from: 3, to: 3, gamepads: 2, keys: [] },
  ]);
});

it('a bad --input item is named with what is wrong in it', () => {
  const cases: [string, string][] = [
    ['', '--input needs a SPEC such as 1-30:8 (gamepad 1 right on frames 1 to 30)'],
    ['5', '--input item "5": expected FROM[-TO]:MASK, pN:FROM[-TO]:MASK, key:FROM[-TO]:CODE or mouse:FROM[-TO]:X,Y[,BUTTONS]'],
    ['0:1', '--input item "0:1": the first frame must be a whole number from 1 to 9007199254740991, got "0"'],
    ['3-2:1', '--input item "3-2:1": the last frame (2) comes before the first (3)'],
    ['1-2-3:1', '--input item "1-2-3:1": frames are FROM or FROM-TO, got "1-2-3"'],
    ['1:256', '--input item "1:256": MASK must be a whole number from 0 to 255, got "256"'],
    ['1:0x10', '--input item "1:0x10": MASK must be a whole number from 0 to 255, got "0x10"'],
    ['1:1,2', '--input item "1:1,2": only a mouse item takes more than one value'],
    ['p5:1:1', '--input item "p5:1:1": unknown device "p5": use p1-p4, key or mouse'],
    ['key:1:95', '--input item "key:1:95": CODE must be a whole number from 1 to 94, got "95"'],
    ['mouse:1:5', '--input item "mouse:1:5": the mouse needs X,Y or X,Y,BUTTONS'],
    ['mouse:1:240,0', '--input item "mouse:1:240,0": X must be a whole number from 0 to 239, got "240"'],
    ['mouse:1:1,2,8', '--input item "mouse:1:1,2,8": BUTTONS must be a whole number from 0 to 7, got "8"'],
    ['mouse:1:1,2,3,4', '--input item "mouse:1:1,2,3,4": the mouse needs X,Y or X,Y,BUTTONS'],
  ];
  for (const [spec, message] of cases) {
    assert.throws(
      () => parseInputSpec(spec),
      (err: Error) => err instanceof InputSpecError && err.message === message,
      spec,
    );
  }
});

const span = (from: number, to: number, more: Partial<InputSpan>): InputSpan => ({ from, to, gamepads: 0, keys: [], ...more });

it('spans covering a frame OR their gamepad bits and add their keys; others do not count', () => {
  const schedule = [span(1, 3, { gamepads: 1 }), span(3, 4, { gamepads: 0x100 }), span(2, 2, { keys: [26, 1] }), span(2, 3, { keys: [1, 2, 3, 4] })];
  const at = (frame: number) => {
    const { gamepads, keys } = scheduledInput(schedule, frame);
    return { gamepads, keys };
  };
  assert.deepEqual(at(1), { gamepads: 1, keys: [] });
  assert.deepEqual(at(2), { gamepads: 1, keys: [26, 1, 2, 3] }, 'four keys at most, each once');
  assert.deepEqual(at(3), { gamepads: 0x101, keys: [1, 2, 3, 4] });
  assert.deepEqual(at(4), { gamepads: 0x100, keys: [] });
  assert.deepEqual(at(5), { gamepads: 0, keys: [] });
});

it('the mouse goes where the latest mouse span put it, its buttons down only while that span lasts', () => {
  const schedule = [
    span(5, 6, { mouse: { x: 20, y: 30, buttons: 1 } }),
    span(10, 10, { mouse: { x: 40, y: 50, buttons: 4 } }),
    span(10, 12, { mouse: { x: 60, y: 70, buttons: 2 } }),
  ];
  const at = (frame: number) => {
    const { mouseX, mouseY, mouseButtons } = scheduledInput(schedule, frame);
    return [mouseX, mouseY, mouseButtons];
  };
  assert.deepEqual(at(4), [0, 0, 0]);
  assert.deepEqual(at(5), [20, 30, 1]);
  assert.deepEqual(at(7), [20, 30, 0]);
  assert.deepEqual(at(10), [60, 70, 2], 'of two spans starting together, the last listed');
  assert.deepEqual(at(13), [60, 70, 0]);
});
