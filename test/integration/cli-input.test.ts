// `nibble run --input` and `--png-frames`: scripted input lands on exactly the frames named, as in
// TIC-80 itself (tic80-native -i), and the named frames are written, each to its own file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { readRgbaPng } from '../rgba-png.js';
import { runTic80, screenOfFrame, tic80Absent } from '../tic80-native.js';

const cli = join(process.cwd(), 'dist/runner/node/cli/cli.js');
const work = mkdtempSync(join(tmpdir(), 'nibble-cli-input-'));

function nibble(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cart(name: string, code: string): string {
  const path = join(work, name);
  writeFileSync(path, code);
  return path;
}

const frameList = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

/** Runs nibble with --png-frames for every frame and returns the frames' pictures by number. */
function nibbleFrames(cartPath: string, frames: number, extra: string[]): Map<number, Uint8Array> {
  const dir = mkdtempSync(join(work, 'frames-'));
  const out = nibble([
    'run',
    cartPath,
    '--frames',
    String(frames),
    '--deterministic',
    '--png-frames',
    frameList(frames).join(','),
    '--png-prefix',
    join(dir, 'f'),
    ...extra,
  ]);
  assert.equal(out.status, 0, out.stderr);
  return new Map(frameList(frames).map((n) => [n, readRgbaPng(readFileSync(join(dir, `f_${String(n).padStart(4, '0')}.png`))).data]));
}

// Buttons held, fresh presses, presses repeating while held, and counters that carry each frame's
// input into the next: a frame off anywhere shows in the pixels.
const GAMEPAD_CART = `-- script: lua
n = 0 m = 0
function TIC()
  cls(1)
  for b = 0, 7 do
    if btn(b) then rect(8 + b * 12, 8, 10, 10, b + 2) end
    if btnp(b) then rect(8 + b * 12, 22, 10, 4, 12) end
    if btnp(b, 5, 3) then rect(8 + b * 12, 28, 10, 4, 14) end
  end
  if btnp(4) then n = n + 1 end
  if btn(5) then m = m + 1 end
  print(n .. " " .. m .. " " .. btn(), 8, 40, 15)
  circ(120 + n * 3, 90, 4 + m % 5, 6)
end
`;
const GAMEPAD_SPEC = '1-3:1,3-20:16,10:255,12-30:8,22-26:32,33:64,35-40:144';
const GAMEPAD_FRAMES = 40;

it('a cart reading gamepad 1 under --input draws every frame as TIC-80 does under -i, pixel for pixel', { skip: tic80Absent }, () => {
  const reference = runTic80(new TextEncoder().encode(GAMEPAD_CART), 'pad.lua', GAMEPAD_FRAMES, { input: GAMEPAD_SPEC, shots: frameList(GAMEPAD_FRAMES) });
  assert.equal(reference.status, 0, reference.stderr);
  const frames = nibbleFrames(cart('pad.lua', GAMEPAD_CART), GAMEPAD_FRAMES, ['--input', GAMEPAD_SPEC]);
  const differing = frameList(GAMEPAD_FRAMES).filter((n) => !Buffer.from(screenOfFrame(frames.get(n)!)).equals(Buffer.from(reference.shots.get(n)!)));
  assert.deepEqual(differing, [], 'frames that differ from TIC-80');
  // The comparison means something only if the input changed the picture.
  assert.notDeepEqual(reference.shots.get(1), reference.shots.get(4));
});

/** The red channel of screen pixel (x, y) in one of nibble's 256x144 frames: colour 12 is bright, colour 0 dark. */
function lit(frame: Uint8Array, x: number, y: number): boolean {
  return frame[((y + 4) * 256 + x + 8) * 4] > 0xc0;
}

it('--input holds each gamepad, key and mouse button on exactly the frames it names', () => {
  const code = `function TIC()
  cls(0)
  if btn(0) then rect(0, 0, 10, 10, 12) end
  if btn(31) then rect(20, 0, 10, 10, 12) end
  if key(26) then rect(40, 0, 10, 10, 12) end
  local x, y, left = mouse()
  if left then rect(x, y, 4, 4, 12) end
end`;
  const frames = nibbleFrames(cart('probe.lua', code), 9, ['--input', '3-4:1,p4:5:128', '--input', 'key:6:26,mouse:7-8:100,50,1']);
  const litFrames = (x: number, y: number) => frameList(9).filter((n) => lit(frames.get(n)!, x, y));
  assert.deepEqual(litFrames(5, 5), [3, 4], 'gamepad 1 up');
  assert.deepEqual(litFrames(25, 5), [5], 'gamepad 4 Y');
  assert.deepEqual(litFrames(45, 5), [6], 'key Z');
  assert.deepEqual(litFrames(101, 51), [7, 8], 'left button with the mouse at (100, 50)');
});

it('--png-frames writes exactly the frames named, PREFIX_NNNN.png, and says which the run never reached', () => {
  const dir = mkdtempSync(join(work, 'shots-'));
  const counter = cart('counter.lua', 'n = 0\nfunction TIC() n = n + 1 cls(n % 16) if n == 12 then exit() end end');
  const out = nibble(['run', counter, '--frames', '20', '--png-frames', '12,1,5,20', '--png-prefix', join(dir, 'shot')]);
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(readdirSync(dir).sort(), ['shot_0001.png', 'shot_0005.png', 'shot_0012.png']);
  assert.equal(out.stderr, `nibble: the run ended after 12 frames, so ${join(dir, 'shot_0020.png')} was not written\n`);
  // Frame 5 cleared the screen to colour 5 (SWEETIE-16's 0xa7f070), frame 12 to colour 12.
  const middle = (72 * 256 + 128) * 4;
  const pixelOf = (name: string) => [...readRgbaPng(readFileSync(join(dir, name))).data.subarray(middle, middle + 3)];
  assert.deepEqual(pixelOf('shot_0005.png'), [0xa7, 0xf0, 0x70]);
  assert.deepEqual(pixelOf('shot_0012.png'), [0xf4, 0xf4, 0xf4]);

  const cwd = join(work, 'here');
  mkdirSync(cwd);
  const byDefault = nibble(['run', counter, '--png-frames', '2'], cwd);
  assert.equal(byDefault.status, 0, byDefault.stderr);
  assert.deepEqual(readdirSync(cwd), ['counter_0002.png'], "without --png-prefix, the cart's name in the current folder");
});

it("nibble run --help and nibble convert --help print that command's usage and exit 0", () => {
  const run = nibble(['run', '--help']);
  assert.equal(run.status, 0);
  assert.match(run.stdout, /^Usage: nibble run <cart> \[options\]\n/);
  assert.match(run.stdout, /--input SPEC/);
  assert.doesNotMatch(run.stdout, /nibble convert/);
  const convert = nibble(['convert', '-h']);
  assert.equal(convert.status, 0);
  assert.match(convert.stdout, /^Usage: nibble convert <in> <out>\n/);
  assert.doesNotMatch(convert.stdout, /--frames/);
});
