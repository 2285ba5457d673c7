// `nibble`: the headless command line, run from its bundle by cli.ts. Its flags and JSON fields are
// a contract; keep them stable.
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { LoadedCart } from '../../common/cart/cart-files.js';
import { cartFormatOf } from '../../common/cart/cart-format.js';
import { cartSourceOf } from '../../common/cart/cart-source.js';
import { codeSizeWarning } from '../../common/cart/code-size.js';
import { escapeControls, jsonWithoutControls } from '../../common/control-chars.js';
import { loadCartFile, saveCartFile } from '../cart-file.js';
import { runHeadless } from '../headless-run.js';
import { readPmemFile, writePmemFile } from '../pmem-file.js';
import {
  CONVERT_USAGE,
  EXPORT_USAGE,
  parseArgs,
  PLAY_USAGE,
  RUN_USAGE,
  USAGE,
  UsageError,
  type ConvertCommand,
  type ExportCommand,
  type RunCommand,
} from './cli-args.js';

/** Loads a cart and says on stderr what was repaired in it (packed carts), as the studio's console does. */
async function loadReporting(path: string): Promise<LoadedCart> {
  const loaded = await loadCartFile(path);
  for (const note of loaded.repairs) process.stderr.write(`nibble: ${escapeControls(`${basename(path)} was repaired on load: ${note}`)}\n`);
  return loaded;
}

async function run(cmd: RunCommand): Promise<number> {
  if (cmd.moreCarts) return runMany(cmd, [cmd.cartPath, ...cmd.moreCarts]);
  const cart = cartSourceOf((await loadReporting(cmd.cartPath)).cart, basename(cmd.cartPath));
  const pmemPath = cmd.pmem;
  const pmem = pmemPath ? readPmemFile(pmemPath) : undefined;
  let pmemFailure: Error | undefined;
  const savePmem = (path: string) => (bytes: Uint8Array) => {
    try {
      writePmemFile(path, bytes);
    } catch (err) {
      pmemFailure ??= err as Error;
    }
  };
  // The PNG and WAV encoders are loaded only for runs that write such files.
  const png = cmd.png ?? (cmd.pngDir ? join(cmd.pngDir, `${cartStem(cmd.cartPath)}.png`) : undefined);
  const writePng = png || cmd.pngFrames ? (await import('../png-file.js')).writePng : undefined;
  const pngFrames = cmd.pngFrames && writePng ? new PngFrames(cmd.pngFrames, cmd.pngPrefix ?? cartStem(cmd.cartPath), writePng) : undefined;
  const result = await runHeadless(cart, {
    frames: cmd.frames,
    deterministic: cmd.deterministic,
    hangMs: cmd.hangMs,
    ...(cmd.maxInstructions ? { instructionBudget: cmd.maxInstructions } : {}),
    keepAudio: cmd.wav !== undefined,
    ...(pmem ? { pmem } : {}),
    ...(pmemPath ? { onPmem: savePmem(pmemPath) } : {}),
    onTrace: (text) => (cmd.json ? process.stderr : process.stdout).write(`${escapeControls(text)}\n`),
    ...(cmd.input ? { inputSchedule: cmd.input } : {}),
    ...(pngFrames ? { onFrame: pngFrames.take, pixelFrames: cmd.pngFrames } : {}),
    lastFramePixels: png !== undefined,
  });
  if (cmd.wav && result.audio) writeFileSync(cmd.wav, (await import('../../vm/sound/wav.js')).encodeWav(result.audio));
  if (png && writePng) {
    if (result.lastFrame) writePng(png, result.lastFrame);
    else process.stderr.write(`nibble: no frame was drawn, so ${png} was not written\n`);
  }
  for (const path of pngFrames?.missing() ?? []) process.stderr.write(`nibble: the run ended after ${result.frames} frames, so ${path} was not written\n`);
  const ok = result.status === 'ok' || result.status === 'exit';
  if (cmd.json) {
    const { status, message, line, frames, totalMs, msPerFrame, medianMsPerFrame, sandbox } = result;
    const json = {
      status,
      ...(message ? { message } : {}),
      ...(line ? { line } : {}),
      frames,
      totalMs: round(totalMs),
      msPerFrame: round(msPerFrame),
      ...(medianMsPerFrame === undefined ? {} : { medianMsPerFrame: round(medianMsPerFrame) }),
      ...(sandbox ? { sandbox } : {}),
    };
    process.stdout.write(`${jsonWithoutControls(json)}\n`);
  } else if (!ok) {
    process.stderr.write(`${escapeControls(result.message ?? result.status)}\n`);
  }
  const failure = pmemFailure ?? pngFrames?.failure;
  if (failure) {
    process.stderr.write(`nibble: ${escapeControls(failure.message)}\n`);
    return 1;
  }
  return ok ? 0 : 1;
}

/** Several carts: all through a cart farm, one report line each, then a summary. */
async function runMany(cmd: RunCommand, paths: string[]): Promise<number> {
  const out = cmd.json ? process.stderr : process.stdout;
  // Loaded only here: a single run never needs the farm.
  const { runFarmBatch } = await import('./farm-run.js');
  const summary = await runFarmBatch(paths, cmd, {
    trace: (path, text) => out.write(`${escapeControls(`${basename(path)}: ${text}`)}\n`),
    report: (path, report) => {
      if (cmd.json)
        process.stdout.write(`${jsonWithoutControls({ cart: path, ...report, totalMs: round(report.totalMs), msPerFrame: round(report.msPerFrame) })}\n`);
      else if (report.status === 'ok' || report.status === 'exit')
        process.stdout.write(`${escapeControls(`${path}: ${report.status}, ${report.frames} frames`)}\n`);
      else process.stderr.write(`${escapeControls(report.message ?? `${path}: ${report.status}`)}\n`);
    },
  });
  if (cmd.json) process.stdout.write(`${JSON.stringify({ summary: true, ...summary })}\n`);
  else {
    const { carts, ok, error, hung, exit, wallMs, cartsPerSecond, peakRssMb } = summary;
    process.stdout.write(
      `${carts} carts: ${ok} ok, ${exit} exit, ${error} error, ${hung} hung in ${(wallMs / 1000).toFixed(2)} s (${cartsPerSecond.toFixed(1)} carts/s, peak RSS ${peakRssMb.toFixed(0)} MB)\n`,
    );
  }
  return summary.ok + summary.exit === summary.carts ? 0 : 1;
}

/** --png-frames: writes each named frame as it arrives, so a run keeps no more frames than it must. */
class PngFrames {
  readonly #pending: Set<number>;
  /** The first file that could not be written. */
  failure: Error | undefined;

  readonly #prefix: string;
  readonly #writePng: (path: string, pixels: Uint8Array) => void;
  constructor(frames: number[], prefix: string, writePng: (path: string, pixels: Uint8Array) => void) {
    this.#prefix = prefix;
    this.#writePng = writePng;
    this.#pending = new Set(frames);
  }

  readonly take = (index: number, pixels: Uint8Array): void => {
    if (!this.#pending.delete(index)) return;
    try {
      this.#writePng(this.#pathOf(index), pixels);
    } catch (err) {
      this.failure ??= err as Error;
    }
  };

  /** The files of frames the run never reached. */
  missing(): string[] {
    return [...this.#pending].map((index) => this.#pathOf(index));
  }

  /** PREFIX_NNNN.png, as tic80-native -f -o names its frames. */
  #pathOf(index: number): string {
    return `${this.#prefix}_${String(index).padStart(4, '0')}.png`;
  }
}

/** The cart's file name without its extension. */
function cartStem(path: string): string {
  return basename(path).replace(/\.[^.]*$/, '');
}

/** Converts by extension; the output's extension is checked before the input is read. */
async function convert(cmd: ConvertCommand): Promise<number> {
  cartFormatOf(basename(cmd.outputPath));
  const { cart } = await loadReporting(cmd.inputPath);
  await saveCartFile(cmd.outputPath, cart);
  const warning = codeSizeWarning(cart.code, basename(cmd.outputPath));
  if (warning) process.stderr.write(`nibble: ${warning}\n`);
  return 0;
}

/** Writes the game's HTML file and says how big it is. */
async function exportHtml(cmd: ExportCommand): Promise<number> {
  // Loaded only here: a run never needs the exporter.
  const { exportGame } = await import('../export-game.js');
  const bytes = await exportGame(cmd.cartPath, cmd.htmlPath);
  process.stdout.write(`${escapeControls(`${cmd.htmlPath}: ${(bytes / 1024).toFixed(0)} KB`)}\n`);
  return 0;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

async function main(argv: string[]): Promise<number> {
  try {
    const cmd = parseArgs(argv);
    if (cmd.command === 'help') {
      const usages = { run: RUN_USAGE, convert: CONVERT_USAGE, export: EXPORT_USAGE, play: PLAY_USAGE };
      process.stdout.write(cmd.topic ? usages[cmd.topic] : USAGE);
      return 0;
    }
    if (cmd.command === 'convert') return await convert(cmd);
    if (cmd.command === 'export') return await exportHtml(cmd);
    // Loaded only here: a run never starts the studio.
    if (cmd.command === 'play') return await (await import('./play.js')).play(cmd.cartPath);
    return await run(cmd);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`nibble: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`nibble: ${escapeControls((err as Error).message)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
