// `nibble` command lines as the parser reads them: every flag and default, and the exact message
// of every usage error (the CLI prints it and exits with status 2).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseArgs, UsageError } from '../../runner/node/cli/cli-args.js';

const defaults = { command: 'run', cartPath: 'a.lua', frames: 60, json: false, deterministic: false, hangMs: 1000 };

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (err) {
    assert.ok(err instanceof UsageError, `${JSON.stringify(argv)} threw ${String(err)}`);
    return err.message;
  }
  return assert.fail(`${JSON.stringify(argv)} parsed`);
}

it('no arguments, help, --help and -h ask for the usage text', () => {
  for (const argv of [[], ['help'], ['--help'], ['-h'], ['help', 'run']]) assert.deepEqual(parseArgs(argv), { command: 'help' }, JSON.stringify(argv));
});

it("--help or -h after a command asks for that command's usage, whatever else is there", () => {
  for (const argv of [
    ['run', '--help'],
    ['run', 'a.lua', '-h'],
    ['run', '--fast', '--help'],
    ['run', '--frames', 'x', '--help'],
  ]) {
    assert.deepEqual(parseArgs(argv), { command: 'help', topic: 'run' }, JSON.stringify(argv));
  }
  for (const argv of [
    ['convert', '--help'],
    ['convert', 'a.lua', 'b.tic', '-h'],
  ]) {
    assert.deepEqual(parseArgs(argv), { command: 'help', topic: 'convert' }, JSON.stringify(argv));
  }
  assert.deepEqual(parseArgs(['run', 'a.lua', '--png', '--help']), { ...defaults, png: '--help' }, 'the value of an option is not a request for help');
});

it("--input takes tic80-native's spec and its extensions, every --input adding its spans in order", () => {
  assert.deepEqual(parseArgs(['run', 'a.lua', '--input', '1-30:8,31:16', '--input', 'p2:2:1,key:3:26,mouse:4-5:10,20,1']), {
    ...defaults,
    input: [
      { from: 1, to: 30, gamepads: 8, keys: [] },
      { from: 31, to: 31, gamepads: 16, keys: [] },
      { from: 2, to: 2, gamepads: 0x100, keys: [] },
      { from: 3, to: 3, gamepads: 0, keys: [26] },
      { from: 4, to: 5, gamepads: 0, keys: [], mouse: { x: 18, y: 24, buttons: 1 } },
    ],
  });
});

it('--png-frames takes a list of frames, kept ascending and once each, and --png-prefix where they go', () => {
  assert.deepEqual(parseArgs(['run', 'a.lua', '--png-frames', '60,1,60,7']), { ...defaults, pngFrames: [1, 7, 60] });
  assert.deepEqual(parseArgs(['run', 'a.lua', '--frames', '600', '--png-frames', '600', '--png-prefix', 'shots/a']), {
    ...defaults,
    frames: 600,
    pngFrames: [600],
    pngPrefix: 'shots/a',
  });
});

it('nibble run takes one cart, with defaults for every option', () => {
  assert.deepEqual(parseArgs(['run', 'a.lua']), defaults);
  assert.deepEqual(parseArgs(['run', '', 'a.lua']), defaults, 'an empty argument is no cart');
});

it('nibble run sets every option, in any order, the last of a repeated one winning', () => {
  const argv = [
    'run',
    '--frames',
    '0',
    '--png',
    'f.png',
    '--wav',
    's.wav',
    'a.lua',
    '--pmem',
    'p.bin',
    '--json',
    '--deterministic',
    '--hang-ms',
    '5',
    '--max-instructions',
    '2000',
    '--frames',
    '7',
  ];
  assert.deepEqual(parseArgs(argv), {
    ...defaults,
    frames: 7,
    png: 'f.png',
    wav: 's.wav',
    pmem: 'p.bin',
    json: true,
    deterministic: true,
    hangMs: 5,
    maxInstructions: 2000,
  });
});

it('an option that takes a value takes the next argument, even one starting with a dash', () => {
  assert.deepEqual(parseArgs(['run', 'a.lua', '--png', '--json']), { ...defaults, png: '--json' });
});

it('nibble run names the option and the value it could not use', () => {
  const cases: [string[], string][] = [
    [['run', 'a.lua', '--frames', 'many'], '--frames needs a whole number, got "many"'],
    [['run', 'a.lua', '--frames', '1.5'], '--frames needs a whole number, got "1.5"'],
    [['run', 'a.lua', '--frames', '-1'], '--frames needs a whole number, got "-1"'],
    [['run', 'a.lua', '--frames'], '--frames needs a whole number, got nothing'],
    [['run', 'a.lua', '--hang-ms', '0'], '--hang-ms needs a whole number above 0, got "0"'],
    [['run', 'a.lua', '--hang-ms'], '--hang-ms needs a whole number above 0, got nothing'],
    [['run', 'a.lua', '--max-instructions', '0'], '--max-instructions needs a whole number above 0, got "0"'],
    [['run', 'a.lua', '--max-instructions', '999'], '--max-instructions needs a whole number from 1000 up, got 999'],
    [['run', 'a.lua', '--png'], '--png needs a file name'],
    [['run', 'a.lua', '--png', ''], '--png needs a file name'],
    [['run', 'a.lua', '--wav'], '--wav needs a file name'],
    [['run', 'a.lua', '--pmem'], '--pmem needs a file name'],
    [['run', 'a.lua', '--input'], '--input needs a SPEC such as 1-30:8 (gamepad 1 right on frames 1 to 30)'],
    [
      ['run', 'a.lua', '--input', '1:1,1:2:3:4'],
      '--input item "1:2:3:4": expected FROM[-TO]:MASK, pN:FROM[-TO]:MASK, key:FROM[-TO]:CODE or mouse:FROM[-TO]:X,Y[,BUTTONS]',
    ],
    [['run', 'a.lua', '--png-frames'], '--png-frames needs frame numbers from 1 separated by commas (1,60,600), got ""'],
    [['run', 'a.lua', '--png-frames', '0,5'], '--png-frames needs frame numbers from 1 separated by commas (1,60,600), got "0,5"'],
    [['run', 'a.lua', '--png-frames', '1,,5'], '--png-frames needs frame numbers from 1 separated by commas (1,60,600), got "1,,5"'],
    [['run', 'a.lua', '--png-frames', '1.5'], '--png-frames needs frame numbers from 1 separated by commas (1,60,600), got "1.5"'],
    [['run', 'a.lua', '--png-frames', '1,61'], '--png-frames names frame 61, but the run has 60 frames (--frames)'],
    [['run', 'a.lua', '--png-prefix', 'x'], '--png-prefix names where --png-frames writes: give --png-frames too'],
    [['run', 'a.lua', '--png-prefix'], '--png-prefix needs a file name'],
    [['run', 'a.lua', '--fast'], 'unknown option --fast'],
    [['run', 'a.lua', '--frames=5'], 'unknown option --frames=5'],
    [['run', 'a.lua', '--json=yes'], 'unknown option --json=yes'],
    [['run', '--', 'a.lua'], 'unknown option --'],
    [['run', '-x', 'a.lua'], 'unknown option -x'],
    [['run', 'a.lua', '-json'], 'unknown option -json'],
    [['run', 'a.lua', '--constructor'], 'unknown option --constructor'],
    [['run', 'a.lua', 'b.lua', '--png', 'x.png'], "--png takes one cart, and 2 were given (with several, --png-dir writes each one's last frame)"],
    [
      ['run', 'a.lua', 'b.lua', '--max-instructions', '5000'],
      "--max-instructions takes one cart, and 2 were given (with several, --png-dir writes each one's last frame)",
    ],
    [['run', 'a.lua', 'b.lua', '--jobs', '0'], '--jobs needs a whole number above 0, got "0"'],
    [['run'], 'which cart? nibble run <cart.lua>'],
    [['run', '--json'], 'which cart? nibble run <cart.lua>'],
    [['frob'], 'unknown command "frob"'],
    [['--frames', '5'], 'unknown command "--frames"'],
  ];
  for (const [argv, message] of cases) assert.equal(usageError(argv), message, JSON.stringify(argv));
});

it('nibble run takes several carts, for a cart farm', () => {
  assert.deepEqual(parseArgs(['run', 'a.lua', 'b.tic', 'c.png', '--png-dir', 'out', '--jobs', '3']), {
    ...defaults,
    moreCarts: ['b.tic', 'c.png'],
    pngDir: 'out',
    jobs: 3,
  });
});

it('nibble run reports the first bad argument', () => {
  assert.equal(usageError(['run', 'a.lua', 'b.lua', '--frames', 'x']), '--frames needs a whole number, got "x"');
  assert.equal(usageError(['run', '--frames', 'x', 'a.lua', 'b.lua']), '--frames needs a whole number, got "x"');
  assert.equal(usageError(['run', '--fast', '--frames', 'x']), 'unknown option --fast');
});

it('nibble convert takes an input and an output file and no options', () => {
  assert.deepEqual(parseArgs(['convert', 'a.lua', 'b.png']), { command: 'convert', inputPath: 'a.lua', outputPath: 'b.png' });
  const cases: [string[], string][] = [
    [['convert', 'a.lua', 'b.png', '--json'], 'nibble convert takes no options, got --json'],
    [['convert', 'a.lua', '--frames=5'], 'nibble convert takes no options, got --frames=5'],
    [['convert', '-x', 'a.lua'], 'nibble convert takes no options, got -x'],
    [['convert'], 'nibble convert needs an input and an output file, got 0 arguments'],
    [['convert', 'a.lua'], 'nibble convert needs an input and an output file, got 1 argument'],
    [['convert', 'a', 'b', 'c'], 'nibble convert needs an input and an output file, got 3 arguments'],
  ];
  for (const [argv, message] of cases) assert.equal(usageError(argv), message, JSON.stringify(argv));
});

it('nibble play takes one cart and no options', () => {
  assert.deepEqual(parseArgs(['play', 'game.lua']), { command: 'play', cartPath: 'game.lua' });
  assert.deepEqual(parseArgs(['play', '--help']), { command: 'help', topic: 'play' });
  const usage = (pattern: RegExp) => (err: unknown) => err instanceof UsageError && pattern.test(err.message);
  assert.throws(() => parseArgs(['play']), usage(/nibble play needs one cart, got 0/));
  assert.throws(() => parseArgs(['play', 'a.lua', 'b.lua']), usage(/got 2/));
  assert.throws(() => parseArgs(['play', 'a.lua', '--frames', '3']), usage(/takes no options/));
});
