import {
  MAP_BYTES,
  MARGIN_LEFT,
  MARGIN_TOP,
  MUSIC_PATTERNS_BYTES,
  MUSIC_TRACKS_BYTES,
  PALETTE_BYTES,
  SCREEN_BYTES,
  SCREEN_HEIGHT,
  SCREEN_WIDTH,
  SFX_BYTES,
  SPRITE_FLAGS_BYTES,
  SPRITES_BYTES,
  TILES_BYTES,
  WAVEFORMS_BYTES,
} from './memory-map.js';
import type { Breakpoint, InspectTarget, PauseReason, StepKind, ValueView } from './debug-types.js';
// The one message protocol between a host (Electron main, the studio, the CLI, the web bridge)
// and a runner. Runs anywhere: no Node or DOM APIs.

/** Output frame: the full 256x144 picture, border included, as RGBA bytes. */
export const FRAME_WIDTH = SCREEN_WIDTH + 2 * MARGIN_LEFT;
export const FRAME_HEIGHT = SCREEN_HEIGHT + 2 * MARGIN_TOP;
export const FRAME_BYTES = FRAME_WIDTH * FRAME_HEIGHT * 4;

/** Audio of one frame: 735 stereo sample pairs at 44100 Hz, interleaved left/right, signed 16-bit. */
export const AUDIO_SAMPLE_RATE = 44100;
/** Stereo sample pairs in one frame: a 60th of a second. */
export const AUDIO_FRAME_SAMPLES = 735;
export const AUDIO_SAMPLES = 2 * AUDIO_FRAME_SAMPLES;

/** What the host knows about the input devices at one moment, as TIC-80's 12-byte input block sees it. */
export interface InputSnapshot {
  /** 32 gamepad bits: byte p = player p, bits up, down, left, right, A, B, X, Y. */
  gamepads: number;
  /** Mouse position in 256x144 frame coordinates (or deltas in relative mode). */
  mouseX: number;
  mouseY: number;
  /** Bit 0 left, bit 1 middle, bit 2 right. */
  mouseButtons: number;
  scrollX: number;
  scrollY: number;
  /** Up to 4 TIC-80 key codes (1..94) currently down. */
  keys: number[];
}

/** The cart data sections the console copies into RAM at start (bank 0). */
export type CartSection = 'tiles' | 'sprites' | 'map' | 'flags' | 'palette' | 'waveforms' | 'sfx' | 'patterns' | 'tracks' | 'screen';

/** Size in bytes of each section (reference sections 4.1 and 5.b). */
export const CART_SECTION_BYTES: Readonly<Record<CartSection, number>> = {
  tiles: TILES_BYTES,
  sprites: SPRITES_BYTES,
  map: MAP_BYTES,
  flags: SPRITE_FLAGS_BYTES,
  /** The palettes of VRAM banks 0 and 1. */
  palette: 2 * PALETTE_BYTES,
  waveforms: WAVEFORMS_BYTES,
  sfx: SFX_BYTES,
  patterns: MUSIC_PATTERNS_BYTES,
  tracks: MUSIC_TRACKS_BYTES,
  screen: SCREEN_BYTES,
};

export type CartData = Partial<Record<CartSection, Uint8Array>>;

export interface CartSource {
  /** File name shown in errors, e.g. "hello.lua". */
  name: string;
  code: string;
  /** Sections the cart has in bank 0; missing ones take the console's defaults. */
  data?: CartData;
  /** Banks 1 to 7 (entry i is bank i + 1), for sync(); missing sections are zero. */
  otherBanks?: CartData[];
}

export interface RunOptions {
  /** time() advances exactly 1000/60 ms per frame and math.random gets a fixed seed. */
  deterministic: boolean;
  /** 'realtime' paces frames at 60 Hz; 'fast' runs them back to back (headless). */
  pacing: 'realtime' | 'fast';
  /** Stop after this many frames (headless runs); undefined runs until stopped. */
  maxFrames?: number;
  /**
   * Scripted input (headless runs): each frame's input comes from these spans instead of the
   * host's 'input' messages, so a run with pacing 'fast' sees it on exactly the frames named.
   */
  inputSchedule?: InputSpan[];
  /**
   * What a headless host takes of each frame; absent, every frame comes whole as 'frame' (the
   * studio). Otherwise only the frames named here and the run's last frame come as 'frame'; the
   * others are summed up in 'tick' messages, so a long run does not copy 147 KB of pixels a frame
   * it never looks at, nor send a message a frame.
   */
  output?: FrameOutput;
  /**
   * The host draws compact frames itself (compact-frame.ts; the studio colours them in a shader): it
   * gets 'compact-frame' messages in place of 'frame', about a ninth of the bytes. With output, the
   * frames that go whole come so (a headless run composes only the pixels it keeps).
   */
  compactFrames?: boolean;
}

export interface FrameOutput {
  /** Frames (1-based) whose pixels the host wants, besides the last. */
  pixelFrames: number[];
  /**
   * Every frame's audio, in a 'tick' when its pixels are not wanted. Without it no audio is made:
   * every frame's samples, those of frames that come whole included, are silence.
   */
  audio: boolean;
}

/** Input held over frames from..to (1-based, inclusive); see input-schedule.ts for how spans combine. */
export interface InputSpan {
  from: number;
  to: number;
  /** Gamepad bits as in InputSnapshot.gamepads (0 for none). */
  gamepads: number;
  /** TIC-80 key codes held (1..94). */
  keys: number[];
  /** The mouse at (x, y) in 256x144 frame coordinates with these buttons (InputSnapshot's bits). */
  mouse?: { x: number; y: number; buttons: number };
}

// Host -> runner ---------------------------------------------------------------------------------

/**
 * There is no stop message: a host stops a runner by ending it (the process killed, the workers
 * terminated), which works whatever the cart is doing. The runner holds nothing to flush: pmem
 * reaches the host after every frame that changed it.
 */
export type HostMessage =
  /** pmem: the cart's persistent memory as the host kept it (PMEM_BYTES); zero when absent. */
  | { type: 'start'; cart: CartSource; options: RunOptions; pmem?: Uint8Array }
  | { type: 'input'; input: InputSnapshot }
  /** The user picked item `index` (0-based) of the cart's game menu (its `-- menu:` tag). */
  | { type: 'menu'; index: number }
  /** Lua code from the studio console, run in the live cart's Lua state before the next frame. */
  | { type: 'eval'; code: string }
  /** Pause the cart at its current line (or at the first line it runs next) and report its stack. */
  | { type: 'break' }
  | { type: 'resume' }
  /** The cart's breakpoints from now on (all of them; an empty list clears them). */
  | { type: 'breakpoints'; breakpoints: Breakpoint[] }
  /** A paused cart runs on until the step's line, then pauses again. */
  | { type: 'step'; kind: StepKind }
  /** Reads a value of the paused cart; answered by an 'inspection' with the same request number. */
  | { type: 'inspect'; request: number; target: InspectTarget }
  /** Asks for the console's whole RAM as it is now; answered by 'ram'. */
  | { type: 'read-ram' }
  /**
   * Live coding: the cart's new code replaces its functions in the running cart (globals and RAM
   * kept, BOOT not run again), and the data sections given replace theirs in RAM. Answered by 'reloaded'.
   */
  | { type: 'reload'; code?: string; data?: CartData }
  /** The host has taken every frame up to index `frames` (see frame-acks.ts). */
  | { type: 'ack'; frames: number };

// Runner -> host ---------------------------------------------------------------------------------

/** 'none': no hook at all, where the VM's memory cannot be shared (see VmThreadInit.heartbeat). */
export type HookMode = 'on-demand' | 'always-on' | 'none';

export interface StackFrame {
  /** Function name as Lua knows it, or '?' */
  name: string;
  /** Chunk name, e.g. "hello.lua", or "[C]". */
  source: string;
  line: number;
  locals: ValueView[];
  upvalues?: ValueView[];
  /** The extra arguments of a vararg function. */
  varargs?: ValueView[];
}

export interface FrameStats {
  /** Time spent in the cart's code and the blit for this frame, in ms. */
  cpuMs: number;
  /** Lua heap in use, in bytes. */
  luaMemory: number;
}

/**
 * Whether the runner's kernel sandbox (no_new_privs, a seccomp allowlist, Landlock) is in force on
 * every thread: detail says what is, or why it is not.
 */
export interface SandboxState {
  on: boolean;
  detail: string;
}

export type RunnerMessage =
  | { type: 'ready'; hookMode: HookMode; note?: string; sandbox: SandboxState }
  /**
   * cursor: the mouse cursor byte the cart left in VRAM (bits 0-6 sprite, bit 7 system cursor).
   * relativeMouse: the cart asks for relative mouse mode (bit 15 of its mouse input): the host then
   * sends per-frame movement deltas instead of positions.
   */
  | { type: 'frame'; index: number; pixels: Uint8Array; audio: Int16Array; cursor: number; relativeMouse: boolean; stats: FrameStats }
  /**
   * A frame as the VM recorded it: `compact` is a compact frame (compact-frame.ts), the rest as in
   * 'frame'. The VM sends every frame so to its runner's main thread, which passes it on to a host
   * that asked for compact frames (RunOptions.compactFrames) and composes 'frame' for any other.
   */
  | { type: 'compact-frame'; index: number; compact: Uint8Array; audio: Int16Array; cursor: number; relativeMouse: boolean; stats: FrameStats }
  /**
   * Frames index - frames + 1 to index, whose pixels the host did not ask for (RunOptions.output):
   * cpuMs is their FrameStats.cpuMs summed; audio, only when the host asked for it, is theirs one
   * after the other (frames * AUDIO_SAMPLES samples, at most TICK_FRAMES frames in a tick with audio).
   */
  | { type: 'tick'; index: number; frames: number; cpuMs: number; audio?: Int16Array }
  | { type: 'trace'; text: string; color: number }
  /** Sent after a frame that changed persistent memory: all PMEM_BYTES of it, for the host to keep. */
  | { type: 'pmem'; bytes: Uint8Array }
  /**
   * Sent after a frame whose sync() wrote RAM into the cart (its tocart flag): the sections written
   * into bank `bank` (0-7), whole, for the host to keep in its cart (TIC-80 saves them with it).
   */
  | { type: 'cart'; bank: number; data: CartData }
  /** A Lua error or load error. line is the cart line, when known. */
  | { type: 'error'; message: string; line?: number; traceback?: string }
  /** The current frame has run for ms milliseconds and is at line (when the hook could see it). */
  | { type: 'busy'; ms: number; line?: number }
  /**
   * The runner has ended its VM: a frame ran past its instruction budget, or the cart stayed inside
   * one library call (a pattern match, say) where no hook can reach it. line is the cart line, when known.
   */
  | { type: 'hung'; message: string; line?: number }
  /** globals: a handle on the cart's globals (the console API left out), for 'inspect'. */
  | { type: 'paused'; line?: number; stack: StackFrame[]; reason?: PauseReason; globals?: number }
  /** The answer to 'inspect': entries from the offset asked (a single one for an expression), more when there are others after them. */
  | { type: 'inspection'; request: number; entries: ValueView[]; more: boolean; error?: string }
  /** The answer to 'read-ram': all RAM_BYTES of it. */
  | { type: 'ram'; bytes: Uint8Array }
  /** The answer to 'reload': error (at line, when known) when the new code did not load, and the old code runs on. */
  | { type: 'reloaded'; error?: string; line?: number }
  | { type: 'resumed' }
  /** The cart called exit(). */
  | { type: 'exit' }
  /** maxFrames frames have run: their mean cost, and the median from frame 61 on when they are more (runner/vm/frame-times.ts). */
  | { type: 'done'; frames: number; msPerFrame: number; medianMsPerFrame?: number }
  /**
   * Sent by the host side (the process owner or a bridge), never by the runner itself: the runner
   * process has ended. reason 'stopped' when a host asked for it, 'crashed' otherwise.
   */
  | { type: 'gone'; reason: 'stopped' | 'crashed'; code: number | null; signal: string | null };

export type MessageOf<U, T> = Extract<U, { type: T }>;

// Electron main -> a runner utility process ------------------------------------------------------

/** Hands the runner its end of the MessagePort to the studio; the only message before the protocol's. */
export interface ConnectMessage {
  type: 'connect';
}

export const CONNECT_MESSAGE: ConnectMessage = { type: 'connect' };

export function isConnectMessage(value: unknown): value is ConnectMessage {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === CONNECT_MESSAGE.type;
}
