// Parsing `nibble` command lines. Kept apart from the CLI's actions so it is easy to test.
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

function positiveInt(flag: string, value: string | undefined, allowZero: boolean): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < (allowZero ? 0 : 1)) {
    throw new UsageError(`${flag} needs a whole number${allowZero ? '' : ' above 0'}, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  }
  return n;
}

export function parseArgs(argv: string[]): RunCommand | ConvertCommand | HelpCommand {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') return { command: 'help' };
  const [command, ...rest] = argv;
  if (command === 'convert') return parseConvert(rest);
  if (command !== 'run') throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  const run: RunCommand = { command: 'run', cartPath: '', frames: DEFAULT_FRAMES, json: false, deterministic: false, hangMs: DEFAULT_HANG_MS };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    switch (arg) {
      case '--frames':
        run.frames = positiveInt(arg, rest[++i], true);
        break;
      case '--wav': {
        const file = rest[++i];
        if (!file) throw new UsageError('--wav needs a file name');
        run.wav = file;
        break;
      }
      case '--pmem': {
        const file = rest[++i];
        if (!file) throw new UsageError('--pmem needs a file name');
        run.pmem = file;
        break;
      }
      case '--png': {
        const file = rest[++i];
        if (!file) throw new UsageError('--png needs a file name');
        run.png = file;
        break;
      }
      case '--json':
        run.json = true;
        break;
      case '--deterministic':
        run.deterministic = true;
        break;
      case '--hang-ms':
        run.hangMs = positiveInt(arg, rest[++i], false);
        break;
      case '--max-instructions': {
        const n = positiveInt(arg, rest[++i], false);
        if (!isInstructionBudget(n)) throw new UsageError(`--max-instructions needs a whole number from ${MIN_INSTRUCTION_BUDGET} up, got ${n}`);
        run.maxInstructions = n;
        break;
      }
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
        if (run.cartPath) throw new UsageError(`only one cart at a time (got ${run.cartPath} and ${arg})`);
        run.cartPath = arg;
    }
  }
  if (!run.cartPath) throw new UsageError('which cart? nibble run <cart.lua>');
  return run;
}

function parseConvert(args: string[]): ConvertCommand {
  const option = args.find((arg) => arg.startsWith('--'));
  if (option) throw new UsageError(`nibble convert takes no options, got ${option}`);
  if (args.length !== 2) throw new UsageError(`nibble convert needs an input and an output file, got ${args.length} argument${args.length === 1 ? '' : 's'}`);
  return { command: 'convert', inputPath: args[0], outputPath: args[1] };
}
