// `nibble` command lines as the parser reads them: every flag and default, and the exact message
// of every usage error (the CLI prints it and exits with status 2).
import assert from 'node:assert/strict';
import { test } from 'node:test';
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

test('no arguments, help, --help and -h ask for the usage text', () => {
  for (const argv of [[], ['help'], ['--help'], ['-h'], ['help', 'run']]) assert.deepEqual(parseArgs(argv), { command: 'help' }, JSON.stringify(argv));
});

test('nibble run takes one cart, with defaults for every option', () => {
  assert.deepEqual(parseArgs(['run', 'a.lua']), defaults);
  assert.deepEqual(parseArgs(['run', '', 'a.lua']), defaults, 'an empty argument is no cart');
});

test('nibble run sets every option, in any order, the last of a repeated one winning', () => {
  const argv = ['run', '--frames', '0', '--png', 'f.png', '--wav', 's.wav', 'a.lua', '--pmem', 'p.bin', '--json', '--deterministic', '--hang-ms', '5', '--max-instructions', '2000', '--frames', '7'];
  assert.deepEqual(parseArgs(argv), { ...defaults, frames: 7, png: 'f.png', wav: 's.wav', pmem: 'p.bin', json: true, deterministic: true, hangMs: 5, maxInstructions: 2000 });
});

test('an option that takes a value takes the next argument, even one starting with a dash', () => {
  assert.deepEqual(parseArgs(['run', 'a.lua', '--png', '--json']), { ...defaults, png: '--json' });
});

test('nibble run names the option and the value it could not use', () => {
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
    [['run', 'a.lua', '--fast'], 'unknown option --fast'],
    [['run', 'a.lua', '--frames=5'], 'unknown option --frames=5'],
    [['run', 'a.lua', '--json=yes'], 'unknown option --json=yes'],
    [['run', '--', 'a.lua'], 'unknown option --'],
    [['run', '-x', 'a.lua'], 'unknown option -x'],
    [['run', 'a.lua', '-json'], 'unknown option -json'],
    [['run', 'a.lua', '--constructor'], 'unknown option --constructor'],
    [['run', 'a.lua', 'b.lua'], 'only one cart at a time (got a.lua and b.lua)'],
    [['run'], 'which cart? nibble run <cart.lua>'],
    [['run', '--json'], 'which cart? nibble run <cart.lua>'],
    [['frob'], 'unknown command "frob"'],
    [['--frames', '5'], 'unknown command "--frames"'],
  ];
  for (const [argv, message] of cases) assert.equal(usageError(argv), message, JSON.stringify(argv));
});

test('nibble run reports the first bad argument', () => {
  assert.equal(usageError(['run', 'a.lua', 'b.lua', '--frames', 'x']), 'only one cart at a time (got a.lua and b.lua)');
  assert.equal(usageError(['run', '--frames', 'x', 'a.lua', 'b.lua']), '--frames needs a whole number, got "x"');
  assert.equal(usageError(['run', '--fast', '--frames', 'x']), 'unknown option --fast');
});

test('nibble convert takes an input and an output file and no options', () => {
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
