// Command-line flags a host may pass to a runner process.

/** Run with the fallback hook: a count hook armed all the time instead of on demand. */
export const ALWAYS_ON_HOOK_FLAG = '--always-on-hook';

/** --memory-mb=N caps the cart's Lua heap at N MiB. */
const MEMORY_FLAG = '--memory-mb=';

export const DEFAULT_MEMORY_MB = 32;
const MAX_MEMORY_MB = 1024;

export interface RunnerFlags {
  alwaysOnHook: boolean;
  memoryMb: number;
}

export function runnerArgs(flags: Partial<RunnerFlags>): string[] {
  const args = [`${MEMORY_FLAG}${flags.memoryMb ?? DEFAULT_MEMORY_MB}`];
  if (flags.alwaysOnHook) args.push(ALWAYS_ON_HOOK_FLAG);
  return args;
}

export function parseRunnerArgs(argv: string[]): RunnerFlags {
  const memory = argv.find((a) => a.startsWith(MEMORY_FLAG));
  const memoryMb = memory ? Number(memory.slice(MEMORY_FLAG.length)) : DEFAULT_MEMORY_MB;
  if (!Number.isInteger(memoryMb) || memoryMb < 1 || memoryMb > MAX_MEMORY_MB) {
    throw new Error(`${MEMORY_FLAG}N needs a whole number of MiB from 1 to ${MAX_MEMORY_MB}`);
  }
  return { alwaysOnHook: argv.includes(ALWAYS_ON_HOOK_FLAG), memoryMb };
}
