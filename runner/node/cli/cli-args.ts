// Parsing `nibble` command lines. Kept apart from the CLI's actions so it is easy to test.
import { parseArgs as tokenize } from 'node:util';
import type { InputSpan } from '../../common/protocol.js';
import { isInstructionBudget, MIN_INSTRUCTION_BUDGET } from '../../common/runner-flags.js';
import { InputSpecError, parseInputSpec } from './input-spec.js';

export interface RunCommand {
  command: 'run';
  cartPath: string;
  frames: number;
  png?: string;
  wav?: string;
  /** Persistent memory: loaded from this file at start, written back after each frame that changed it. */
  pmem?: string;
  json: boolean;
  deterministic: boolean;
  hangMs: number;
  /** Lua instructions one frame may run before the cart is reported as hung. */
  maxInstructions?: number;
  /** Scripted input: the spans of every --input, in order. */
  input?: InputSpan[];
  /** Frames (1-based, ascending, distinct) written as `${pngPrefix}_NNNN.png`. */
  pngFrames?: number[];
  /** With pngFrames: the file names' start (default: the cart's file name without its extension). */
  pngPrefix?: string;
  /** Carts after the first: they all run at once in a cart farm. */
  moreCarts?: string[];
  /** Write each cart's last frame as DIR/<cart name>.png. */
  pngDir?: string;
  /** Worker threads of the cart farm that runs several carts (default: the number of cores). */
  jobs?: number;
}

export interface ConvertCommand {
  command: 'convert';
  inputPath: string;
  outputPath: string;
}

export interface ExportCommand {
  command: 'export';
  cartPath: string;
  htmlPath: string;
}

export interface PlayCommand {
  command: 'play';
  cartPath: string;
}

export interface HelpCommand {
  command: 'help';
  /** The command whose usage to print (`nibble run --help`); absent: all of it. */
  topic?: 'run' | 'convert' | 'export' | 'play';
}

export const DEFAULT_FRAMES = 60;
export const DEFAULT_HANG_MS = 1000;

export const RUN_USAGE = `Usage: nibble run <cart> [options]
       nibble run <cart> <cart> ... [--frames N] [--png-dir DIR] [--json] [--jobs J]

Runs a cart (.lua, .tic or .png) headless in its own runner process. Several carts run at once
in a cart farm (one process, each cart in its own Lua VM), one report line each and a summary.

Options:
  --frames N        frames to run (default ${DEFAULT_FRAMES})
  --png FILE        write the last frame (256x144, border included) as PNG
  --png-frames LIST write these frames (1-based, comma-separated: 1,60,600) as PREFIX_NNNN.png,
                    the frame number in 4 digits or more, each the same 256x144 picture as --png
  --png-prefix PREFIX
                    where --png-frames writes (default: the cart's file name without extension)
  --wav FILE        write the cart's sound, all frames, as a 44100 Hz stereo WAV file
  --pmem FILE       the cart's persistent memory (pmem): read from FILE at start if it exists,
                    written back to it (1024 bytes) after every frame that changed it
  --input SPEC      scripted input, comma-separated items; frames are 1-based and inclusive,
                    spans add up (gamepad bits are OR-ed), and --input may be repeated:
                      FROM[-TO]:MASK             gamepad 1, as tic80-native -i: bits 1 up, 2 down,
                                                 4 left, 8 right, 16 A, 32 B, 64 X, 128 Y
                      pN:FROM[-TO]:MASK          gamepad N (1-4)
                      key:FROM[-TO]:CODE         TIC-80 key code CODE (1-94) held
                      mouse:FROM[-TO]:X,Y[,BTNS] the mouse at screen X,Y (0-239, 0-135), buttons
                                                 1 left, 2 middle, 4 right; afterwards it stays
                                                 there with no button down
                    e.g. --input 1-30:8,31:16,p2:10-20:1,key:5:48,mouse:40-41:120,68,1
  --json            print one JSON object: status, message, line, frames, totalMs, msPerFrame,
                    medianMsPerFrame
  --deterministic   time() advances exactly 1000/60 ms per frame; math.random gets a fixed seed
  --hang-ms N       report the cart as hung when one frame stays busy longer (default ${DEFAULT_HANG_MS})
  --max-instructions N
                    report the cart as hung, with its line, when one frame (or the top level
                    and BOOT together) runs more than N Lua instructions, counted in steps of
                    1000 (N >= 1000); unlike --hang-ms the outcome is the same on every machine,
                    but the VM runs with its count hook on, about half as fast
  --png-dir DIR     write each cart's last frame as DIR/NAME.png (NAME: the cart's file name
                    without its extension)
  --jobs J          worker threads of the cart farm, with several carts (default: the cores)
  --help            print this help

With several carts, --input, --hang-ms and --deterministic apply to each; --png, --png-frames,
--wav, --pmem and --max-instructions take one cart.
`;

export const CONVERT_USAGE = `Usage: nibble convert <in> <out>

Converts a cart between formats, chosen by each file's extension:
  .lua (text cart), .tic (binary cart) or .png (cart with a cover picture).
Says on stderr when the code is longer than TIC-80's code editor takes.

Options:
  --help            print this help
`;

export const EXPORT_USAGE = `Usage: nibble export <cart> <game.html>

Exports a Lua cart (.lua, .tic or .png) as one HTML file that plays the game in a browser,
offline: the player, the Lua VM and the cart all inside it, nothing fetched from anywhere.
It works when opened as a file and from any static web host.

Options:
  --help            print this help
`;

export const PLAY_USAGE = `Usage: nibble play <cart>

Opens the player on a cart (.lua, .tic or .png): the desktop app where Electron can run,
otherwise the web studio (as npm start serves it, on PORT or 8080), whose address, printed
here, opens the player on the cart. The studio must have been built (npm run build).

Options:
  --help            print this help
`;

export const USAGE = `Usage: nibble run <cart> [options]
       nibble convert <in> <out>
       nibble export <cart> <game.html>
       nibble play <cart>
       nibble <command> --help

nibble run: ${RUN_USAGE.slice(RUN_USAGE.indexOf('\n\n') + 2)}
nibble convert: ${CONVERT_USAGE.slice(CONVERT_USAGE.indexOf('\n\n') + 2)}
nibble export: ${EXPORT_USAGE.slice(EXPORT_USAGE.indexOf('\n\n') + 2)}
nibble play: ${PLAY_USAGE.slice(PLAY_USAGE.indexOf('\n\n') + 2)}`;

export class UsageError extends Error {}

function usageError(message: string): never {
  throw new UsageError(message);
}

/** An option of a command: whether it takes a value, and how it sets it (`flag` is the option as typed). */
interface Option<C> {
  type: 'string' | 'boolean';
  apply(command: C, value: string | undefined, flag: string): void;
}

function wholeNumber(flag: string, value: string | undefined, min: 0 | 1): number {
  const n = Number(value);
  if (value !== undefined && Number.isInteger(n) && n >= min) return n;
  return usageError(`${flag} needs a whole number${min ? ' above 0' : ''}, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
}

const fileName = (flag: string, value: string | undefined): string => value || usageError(`${flag} needs a file name`);

function instructionBudget(flag: string, value: string | undefined): number {
  const n = wholeNumber(flag, value, 1);
  return isInstructionBudget(n) ? n : usageError(`${flag} needs a whole number from ${MIN_INSTRUCTION_BUDGET} up, got ${n}`);
}

function inputSpans(flag: string, value: string | undefined): InputSpan[] {
  try {
    return parseInputSpec(value ?? '');
  } catch (err) {
    if (err instanceof InputSpecError) usageError(err.message.replace(/^--input/, flag));
    throw err;
  }
}

/** A comma-separated list of frame numbers (from 1), kept ascending and without repeats. */
function frameList(flag: string, value: string | undefined): number[] {
  const parts = (value ?? '').split(',');
  const bad = value ? parts.find((part) => !/^\d+$/.test(part) || Number(part) < 1) : '';
  if (bad !== undefined) usageError(`${flag} needs frame numbers from 1 separated by commas (1,60,600), got ${JSON.stringify(value ?? '')}`);
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

const RUN_OPTIONS: Record<string, Option<RunCommand>> = {
  frames: {
    type: 'string',
    apply: (run, value, flag) => {
      run.frames = wholeNumber(flag, value, 0);
    },
  },
  png: {
    type: 'string',
    apply: (run, value, flag) => {
      run.png = fileName(flag, value);
    },
  },
  'png-frames': {
    type: 'string',
    apply: (run, value, flag) => {
      run.pngFrames = frameList(flag, value);
    },
  },
  'png-prefix': {
    type: 'string',
    apply: (run, value, flag) => {
      run.pngPrefix = fileName(flag, value);
    },
  },
  input: {
    type: 'string',
    apply: (run, value, flag) => {
      run.input = [...(run.input ?? []), ...inputSpans(flag, value)];
    },
  },
  wav: {
    type: 'string',
    apply: (run, value, flag) => {
      run.wav = fileName(flag, value);
    },
  },
  pmem: {
    type: 'string',
    apply: (run, value, flag) => {
      run.pmem = fileName(flag, value);
    },
  },
  json: {
    type: 'boolean',
    apply: (run) => {
      run.json = true;
    },
  },
  deterministic: {
    type: 'boolean',
    apply: (run) => {
      run.deterministic = true;
    },
  },
  'hang-ms': {
    type: 'string',
    apply: (run, value, flag) => {
      run.hangMs = wholeNumber(flag, value, 1);
    },
  },
  'png-dir': {
    type: 'string',
    apply: (run, value, flag) => {
      run.pngDir = fileName(flag, value);
    },
  },
  jobs: {
    type: 'string',
    apply: (run, value, flag) => {
      run.jobs = wholeNumber(flag, value, 1);
    },
  },
  'max-instructions': {
    type: 'string',
    apply: (run, value, flag) => {
      run.maxInstructions = instructionBudget(flag, value);
    },
  },
};

/**
 * Applies the arguments in order, so the first bad one is the one reported. util.parseArgs splits
 * them, with strict mode off because its messages would replace these, which are part of the CLI's
 * contract; what strict mode refuses is refused here too (unknown options, `--`, `--json=1`), and so
 * is `--option=value`. An option's value may start with a dash (`--png -a.png`), as it always could.
 */
function parseCommand<C>(
  args: string[],
  options: Record<string, Option<C>>,
  command: C,
  positional: (arg: string) => void,
  unknownOption: (arg: string) => string,
): void {
  for (const token of tokens(args, options)) {
    if (token.kind === 'positional') positional(token.value);
    else if (token.kind === 'option' && !token.inlineValue && Object.hasOwn(options, token.name))
      options[token.name].apply(command, token.value, token.rawName);
    else usageError(unknownOption(args[token.index]));
  }
}

function tokens<C>(args: string[], options: Record<string, Option<C>>) {
  return tokenize({ args, options, allowPositionals: true, strict: false, tokens: true }).tokens;
}

/** `--help` or `-h` typed as an option (not as another option's value) asks for the command's usage, whatever else is there. */
function asksForHelp<C>(args: string[], options: Record<string, Option<C>>): boolean {
  return tokens(args, options).some((token) => token.kind === 'option' && !token.inlineValue && (token.rawName === '--help' || token.rawName === '-h'));
}

/** The two file names of `nibble convert` and `nibble export`, which take no options. */
function twoPaths(command: string, rest: string[], what: string): [string, string] {
  const paths: string[] = [];
  parseCommand(
    rest,
    {},
    paths,
    (arg) => paths.push(arg),
    (arg) => `nibble ${command} takes no options, got ${arg}`,
  );
  if (paths.length !== 2) usageError(`nibble ${command} needs ${what}, got ${paths.length} argument${paths.length === 1 ? '' : 's'}`);
  return [paths[0], paths[1]];
}

export function parseArgs(argv: string[]): RunCommand | ConvertCommand | ExportCommand | PlayCommand | HelpCommand {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') return { command: 'help' };
  const [command, ...rest] = argv;
  if ((command === 'run' || command === 'convert' || command === 'export' || command === 'play') && asksForHelp(rest, command === 'run' ? RUN_OPTIONS : {})) {
    return { command: 'help', topic: command };
  }
  if (command === 'convert') {
    const [inputPath, outputPath] = twoPaths(command, rest, 'an input and an output file');
    return { command: 'convert', inputPath, outputPath };
  }
  if (command === 'export') {
    const [cartPath, htmlPath] = twoPaths(command, rest, 'a cart and the HTML file to write');
    if (!/\.html?$/i.test(htmlPath)) usageError(`nibble export writes an HTML file: name it with .html (got ${htmlPath})`);
    return { command: 'export', cartPath, htmlPath };
  }
  if (command === 'play') {
    const paths: string[] = [];
    parseCommand(
      rest,
      {},
      paths,
      (arg) => paths.push(arg),
      (arg) => `nibble play takes no options, got ${arg}`,
    );
    if (paths.length !== 1) usageError(`nibble play needs one cart, got ${paths.length} arguments`);
    return { command: 'play', cartPath: paths[0] };
  }
  if (command !== 'run') usageError(`unknown command ${JSON.stringify(command)}`);
  const run: RunCommand = { command: 'run', cartPath: '', frames: DEFAULT_FRAMES, json: false, deterministic: false, hangMs: DEFAULT_HANG_MS };
  const addCart = (arg: string) => {
    if (!run.cartPath) run.cartPath = arg;
    else run.moreCarts = [...(run.moreCarts ?? []), arg];
  };
  parseCommand(rest, RUN_OPTIONS, run, addCart, (arg) => `unknown option ${arg}`);
  if (!run.cartPath) usageError('which cart? nibble run <cart.lua>');
  if (run.moreCarts) {
    const single = (['png', 'pngFrames', 'pngPrefix', 'wav', 'pmem', 'maxInstructions'] as const).find((key) => run[key] !== undefined);
    if (single)
      usageError(
        `--${single.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} takes one cart, and ${1 + run.moreCarts.length} were given (with several, --png-dir writes each one's last frame)`,
      );
  }
  if (run.pngPrefix !== undefined && !run.pngFrames) usageError('--png-prefix names where --png-frames writes: give --png-frames too');
  const lastPng = run.pngFrames?.at(-1);
  if (lastPng !== undefined && lastPng > run.frames) usageError(`--png-frames names frame ${lastPng}, but the run has ${run.frames} frames (--frames)`);
  return run;
}
