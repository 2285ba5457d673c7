// What the studio's debugger and the runner say to each other about a cart's code: breakpoints,
// steps, and values read from a paused cart. Part of the protocol (protocol.ts carries them).

/** A line of the cart's code where it pauses: always, when `condition` is true, or never (a logpoint traces `log`). */
export interface Breakpoint {
  line: number;
  /** A Lua expression evaluated in the paused frame; the cart pauses only when it is truthy. */
  condition?: string;
  /** A logpoint: this text is traced instead of pausing, each `{expression}` in it replaced by its value. */
  log?: string;
}

/** over: the next line in this function or a caller; into: the next line run anywhere; out: the next line in a caller. */
export type StepKind = 'over' | 'into' | 'out';

export const STEP_KINDS: readonly StepKind[] = ['over', 'into', 'out'];

/** Why the cart paused. */
export type PauseReason = 'break' | 'breakpoint' | 'step';

export const PAUSE_REASONS: readonly PauseReason[] = ['break', 'breakpoint', 'step'];

/**
 * One value of a paused cart, as the inspector shows it. handle, when present, opens it (a table's
 * entries, a long string's whole text) with an 'inspect' message until the cart resumes.
 */
export interface ValueView {
  name: string;
  value: string;
  handle?: number;
}

/** What an 'inspect' asks for: the entries of an open value from offset on, or a Lua expression evaluated in a paused frame (0 = innermost). */
export type InspectTarget = { handle: number; offset: number } | { expression: string; frame: number };

/** Entries an inspection sends at once; more come with a later offset. */
export const INSPECT_PAGE = 100;
