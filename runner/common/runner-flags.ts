// Command-line flags a host may pass to a runner process, and their defaults for hosts without a command line.

/** Run with the fallback hook: a count hook armed all the time instead of on demand. */
export const ALWAYS_ON_HOOK_FLAG = '--always-on-hook';

/** --memory-mb=N caps the cart's Lua heap at N MiB. */
const MEMORY_FLAG = '--memory-mb=';

/** --instructions-per-frame=N stops a cart whose frame runs more than N Lua instructions. */
const BUDGET_FLAG = '--instructions-per-frame=';

export const DEFAULT_MEMORY_MB = 32;
const MAX_MEMORY_MB = 1024;
/** The hook counts instructions in steps of this many, so no budget can be smaller. */
export const MIN_INSTRUCTION_BUDGET = 1000;
const MAX_INSTRUCTION_BUDGET = 1e12;

export interface RunnerFlags {
  alwaysOnHook: boolean;
  memoryMb: number;
  /** Lua instructions a frame may run (0: no instruction budget, only the watchdog's time limits). */
  instructionBudget: number;
}

/** What a runner started without flags gets. */
export const DEFAULT_RUNNER_FLAGS: RunnerFlags = { alwaysOnHook: false, memoryMb: DEFAULT_MEMORY_MB, instructionBudget: 0 };

export function runnerArgs(flags: Partial<RunnerFlags>): string[] {
  const args = [`${MEMORY_FLAG}${flags.memoryMb ?? DEFAULT_MEMORY_MB}`];
  if (flags.alwaysOnHook) args.push(ALWAYS_ON_HOOK_FLAG);
  if (flags.instructionBudget) args.push(`${BUDGET_FLAG}${flags.instructionBudget}`);
  return args;
}

export function parseRunnerArgs(argv: string[]): RunnerFlags {
  const memory = argv.find((a) => a.startsWith(MEMORY_FLAG));
  const memoryMb = memory ? Number(memory.slice(MEMORY_FLAG.length)) : DEFAULT_MEMORY_MB;
  if (!Number.isInteger(memoryMb) || memoryMb < 1 || memoryMb > MAX_MEMORY_MB) {
    throw new Error(`${MEMORY_FLAG}N needs a whole number of MiB from 1 to ${MAX_MEMORY_MB}`);
  }
  const budget = argv.find((a) => a.startsWith(BUDGET_FLAG));
  const instructionBudget = budget ? Number(budget.slice(BUDGET_FLAG.length)) : 0;
  if (budget && !isInstructionBudget(instructionBudget)) {
    throw new Error(`${BUDGET_FLAG}N needs a whole number from ${MIN_INSTRUCTION_BUDGET} to ${MAX_INSTRUCTION_BUDGET}`);
  }
  return { alwaysOnHook: argv.includes(ALWAYS_ON_HOOK_FLAG), memoryMb, instructionBudget };
}

export function isInstructionBudget(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_INSTRUCTION_BUDGET && n <= MAX_INSTRUCTION_BUDGET;
}
