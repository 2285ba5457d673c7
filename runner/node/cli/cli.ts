#!/usr/bin/env node
// `nibble`: the headless command line. Its flags and JSON fields are a contract; keep them stable.
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { LoadedCart } from '../../common/cart/cart-files.js';
import { cartFormatOf } from '../../common/cart/cart-format.js';
import { cartSourceOf } from '../../common/cart/cart-source.js';
import { codeSizeWarning } from '../../common/cart/code-size.js';
import { escapeControls, jsonWithoutControls } from '../../common/control-chars.js';
import { loadCartFile, saveCartFile } from '../cart-file.js';
import { runHeadless } from '../headless-run.js';
import { readPmemFile, writePmemFile } from '../pmem-file.js';
import { CONVERT_USAGE, parseArgs, RUN_USAGE, USAGE, UsageError, type ConvertCommand, type RunCommand } from './cli-args.js';

/** Loads a cart and says on stderr what was repaired in it (packed carts), as the studio's console does. */
async function loadReporting(path: string): Promise<LoadedCart> {
  const loaded = await loadCartFile(path);
  for (const note of loaded.repairs) process.stderr.write(`nibble: ${escapeControls(`${basename(path)} was repaired on load: ${note}`)}\n`);
  return loaded;
}

async function run(cmd: RunCommand): Promise<number> {
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
  const writePng = cmd.png || cmd.pngFrames ? (await import('../png-file.js')).writePng : undefined;
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
  });
  if (cmd.wav && result.audio) writeFileSync(cmd.wav, (await import('../../vm/sound/wav.js')).encodeWav(result.audio));
  if (cmd.png && writePng) {
    if (result.lastFrame) writePng(cmd.png, result.lastFrame);
    else process.stderr.write(`nibble: no frame was drawn, so ${cmd.png} was not written\n`);
  }
  for (const path of pngFrames?.missing() ?? []) process.stderr.write(`nibble: the run ended after ${result.frames} frames, so ${path} was not written\n`);
  const ok = result.status === 'ok' || result.status === 'exit';
  if (cmd.json) {
    const { status, message, line, frames, totalMs, msPerFrame, sandbox } = result;
    process.stdout.write(
      `${jsonWithoutControls({ status, ...(message ? { message } : {}), ...(line ? { line } : {}), frames, totalMs: round(totalMs), msPerFrame: round(msPerFrame), ...(sandbox ? { sandbox } : {}) })}\n`,
    );
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

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

async function main(argv: string[]): Promise<number> {
  try {
    const cmd = parseArgs(argv);
    if (cmd.command === 'help') {
      process.stdout.write(cmd.topic === 'run' ? RUN_USAGE : cmd.topic === 'convert' ? CONVERT_USAGE : USAGE);
      return 0;
    }
    if (cmd.command === 'convert') return await convert(cmd);
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
