// Parsing `nibble` command lines. Kept apart from the CLI's actions so it is easy to test.
import { parseArgs as tokenize } from 'node:util';
import { isInstructionBudget, MIN_INSTRUCTION_BUDGET } from '../../common/runner-flags.js';

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
}

export interface ConvertCommand {
  command: 'convert';
  inputPath: string;
  outputPath: string;
}

export interface HelpCommand {
  command: 'help';
}

export const DEFAULT_FRAMES = 60;
export const DEFAULT_HANG_MS = 1000;

export const USAGE = `Usage: nibble run <cart.lua> [options]
       nibble convert <in> <out>

nibble run: runs a cart (.lua, .tic or .png) headless in its own runner process.

Options:
  --frames N        frames to run (default ${DEFAULT_FRAMES})
  --png FILE        write the last frame (256x144, border included) as PNG
  --wav FILE        write the cart's sound, all frames, as a 44100 Hz stereo WAV file
  --pmem FILE       the cart's persistent memory (pmem): read from FILE at start if it exists,
                    written back to it (1024 bytes) after every frame that changed it
  --json            print one JSON object: status, message, line, frames, totalMs, msPerFrame
  --deterministic   time() advances exactly 1000/60 ms per frame; math.random gets a fixed seed
  --hang-ms N       report the cart as hung when one frame stays busy longer (default ${DEFAULT_HANG_MS})
  --max-instructions N
                    report the cart as hung, with its line, when one frame (or the top level
                    and BOOT together) runs more than N Lua instructions, counted in steps of
                    1000 (N >= 1000); unlike --hang-ms the outcome is the same on every machine,
                    but the VM runs with its count hook on, about half as fast

nibble convert: converts a cart between formats, chosen by each file's extension:
  .lua (text cart), .tic (binary cart) or .png (cart with a cover picture).
`;

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

const RUN_OPTIONS: Record<string, Option<RunCommand>> = {
  frames: { type: 'string', apply: (run, value, flag) => { run.frames = wholeNumber(flag, value, 0); } },
  png: { type: 'string', apply: (run, value, flag) => { run.png = fileName(flag, value); } },
  wav: { type: 'string', apply: (run, value, flag) => { run.wav = fileName(flag, value); } },
  pmem: { type: 'string', apply: (run, value, flag) => { run.pmem = fileName(flag, value); } },
  json: { type: 'boolean', apply: (run) => { run.json = true; } },
  deterministic: { type: 'boolean', apply: (run) => { run.deterministic = true; } },
  'hang-ms': { type: 'string', apply: (run, value, flag) => { run.hangMs = wholeNumber(flag, value, 1); } },
  'max-instructions': { type: 'string', apply: (run, value, flag) => { run.maxInstructions = instructionBudget(flag, value); } },
};

/**
 * Applies the arguments in order, so the first bad one is the one reported. util.parseArgs splits
 * them, with strict mode off because its messages would replace these, which are part of the CLI's
 * contract; what strict mode refuses is refused here too (unknown options, `--`, `--json=1`), and so
 * is `--option=value`. An option's value may start with a dash (`--png -a.png`), as it always could.
 */
function parseCommand<C>(args: string[], options: Record<string, Option<C>>, command: C, positional: (arg: string) => void, unknownOption: (arg: string) => string): void {
  for (const token of tokenize({ args, options, allowPositionals: true, strict: false, tokens: true }).tokens) {
    if (token.kind === 'positional') positional(token.value);
    else if (token.kind === 'option' && !token.inlineValue && Object.hasOwn(options, token.name)) options[token.name]!.apply(command, token.value, token.rawName);
    else usageError(unknownOption(args[token.index]!));
  }
}

export function parseArgs(argv: string[]): RunCommand | ConvertCommand | HelpCommand {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') return { command: 'help' };
  const [command, ...rest] = argv;
  if (command === 'convert') {
    const paths: string[] = [];
    parseCommand(rest, {}, paths, (arg) => paths.push(arg), (arg) => `nibble convert takes no options, got ${arg}`);
    if (paths.length !== 2) usageError(`nibble convert needs an input and an output file, got ${paths.length} argument${paths.length === 1 ? '' : 's'}`);
    return { command: 'convert', inputPath: paths[0]!, outputPath: paths[1]! };
  }
  if (command !== 'run') usageError(`unknown command ${JSON.stringify(command)}`);
  const run: RunCommand = { command: 'run', cartPath: '', frames: DEFAULT_FRAMES, json: false, deterministic: false, hangMs: DEFAULT_HANG_MS };
  const oneCart = (arg: string) => {
    if (run.cartPath) usageError(`only one cart at a time (got ${run.cartPath} and ${arg})`);
    run.cartPath = arg;
  };
  parseCommand(rest, RUN_OPTIONS, run, oneCart, (arg) => `unknown option ${arg}`);
  if (!run.cartPath) usageError('which cart? nibble run <cart.lua>');
  return run;
}
