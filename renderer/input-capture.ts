// Collects what the player does on the screen into TIC-80's input block: the gamepad buttons the
// keyboard holds (the key bindings of Settings), up to four gamepads, up to 4 keys, and the mouse in frame coordinates. A new snapshot
// goes out whenever something changed.
import { KEYBOARD_BYTES, MOUSE_SCROLL_MAX, MOUSE_SCROLL_MIN } from '../runner/common/memory-map.js';
import type { InputSnapshot } from '../runner/common/protocol.js';
import type { FramePoint } from './screen.js';
import { gamepadBits, type KeyBindings } from './controls/key-bindings.js';
import { savedPadMappings } from './controls/saved-pad-mappings.js';
import { readGamepads } from './gamepads.js';
import { ticKeyCode } from './tic-keys.js';

/** One key code per keyboard byte, one gamepad byte per player. */
const MAX_KEYS = KEYBOARD_BYTES;

export interface InputCaptureOptions {
  /** Focusable element that receives keys (the screen). */
  target: HTMLElement;
  toFramePoint(clientX: number, clientY: number): FramePoint;
  /** Page pixels per frame pixel. */
  pixelScale(): number;
  /** Whether a cart is running and wants input now. */
  isLive(): boolean;
  /** Which keys hold which gamepad buttons, now. */
  keyBindings(): KeyBindings;
  send(input: InputSnapshot): void;
}

function sameSnapshot(a: InputSnapshot, b: InputSnapshot): boolean {
  return (
    a.gamepads === b.gamepads &&
    a.mouseX === b.mouseX &&
    a.mouseY === b.mouseY &&
    a.mouseButtons === b.mouseButtons &&
    a.scrollX === b.scrollX &&
    a.scrollY === b.scrollY &&
    a.keys.length === b.keys.length &&
    a.keys.every((k, i) => k === b.keys[i])
  );
}

/** Pointer buttons (1 left, 2 right, 4 middle) to TIC-80's bits (1 left, 2 middle, 4 right). */
function ticMouseButtons(buttons: number): number {
  return (buttons & 1) | ((buttons & 4) >> 1) | ((buttons & 2) << 1);
}

const clampScroll = (v: number): number => Math.min(MOUSE_SCROLL_MAX, Math.max(MOUSE_SCROLL_MIN, v));

export class InputCapture {
  readonly #options: InputCaptureOptions;
  /** Physical keys down, oldest first. */
  #keysDown: string[] = [];
  #mouse: FramePoint = { x: 0, y: 0 };
  #pointerInside = false;
  /** The cart asked for relative mouse mode: movement, not position, once the pointer is locked. */
  #relative = false;
  #moveX = 0;
  #moveY = 0;
  #mouseButtons = 0;
  #scrollX = 0;
  #scrollY = 0;
  #padBits = 0;
  #lastSent: InputSnapshot | null = null;

  constructor(options: InputCaptureOptions) {
    this.#options = options;
    const target = options.target;
    target.addEventListener('keydown', (e) => this.#onKey(e, true));
    target.addEventListener('keyup', (e) => this.#onKey(e, false));
    target.addEventListener('blur', () => this.releaseAll());
    target.addEventListener('pointermove', (e) => this.#onPointer(e));
    target.addEventListener('pointerenter', () => {
      this.#pointerInside = true;
    });
    target.addEventListener('pointerleave', () => {
      this.#pointerInside = false;
    });
    target.addEventListener('pointerdown', (e) => {
      // Pointer lock needs a user gesture: the click that the screen's label asks for. A locked
      // (or locking) pointer needs no capture, and refuses one.
      if (this.#relative) {
        if (!this.locked) void target.requestPointerLock();
      } else target.setPointerCapture(e.pointerId);
      this.#onPointer(e);
    });
    target.addEventListener('pointerup', (e) => this.#onPointer(e));
    target.addEventListener('contextmenu', (e) => e.preventDefault());
    target.addEventListener('wheel', (e) => this.#onWheel(e), { passive: false });
  }

  get locked(): boolean {
    return document.pointerLockElement === this.#options.target;
  }

  /** Follows the cart's relative-mouse bit; leaving relative mode releases the pointer. */
  setRelative(relative: boolean): void {
    if (relative === this.#relative) return;
    this.#relative = relative;
    this.#moveX = 0;
    this.#moveY = 0;
    if (!relative && this.locked) document.exitPointerLock();
  }

  /** Whether the cart wants relative mode but the pointer is not locked yet. */
  get wantsLock(): boolean {
    return this.#relative && !this.locked;
  }

  /** Where the pointer is over the screen, in frame coordinates; null when it is elsewhere. */
  pointer(): FramePoint | null {
    return this.#pointerInside ? this.#mouse : null;
  }

  /** Called once per studio frame: reads gamepads and ends a wheel step. */
  poll(): void {
    this.#padBits = readGamepads(savedPadMappings());
    this.#flush();
    // In relative mode a snapshot carries one studio frame's movement.
    this.#moveX = 0;
    this.#moveY = 0;
    if (this.#scrollX !== 0 || this.#scrollY !== 0) {
      // A wheel step counts for one frame, as TIC-80's scroll values are per frame.
      this.#scrollX = 0;
      this.#scrollY = 0;
    }
  }

  /** Lets go of every key and button, e.g. when the screen loses focus. */
  releaseAll(): void {
    this.#keysDown = [];
    this.#mouseButtons = 0;
    this.#flush();
  }

  /** Forget what was last sent, so a new runner gets the full state with the next change. */
  reset(): void {
    this.#lastSent = null;
  }

  snapshot(): InputSnapshot {
    const fromKeys = gamepadBits(this.#options.keyBindings(), this.#keysDown);
    const keys: number[] = [];
    for (const code of this.#keysDown) {
      const tic = ticKeyCode(code);
      if (tic !== null && !keys.includes(tic) && keys.length < MAX_KEYS) keys.push(tic);
    }
    return {
      gamepads: (this.#padBits | fromKeys) >>> 0,
      mouseX: this.locked ? Math.round(this.#moveX) : this.#mouse.x,
      mouseY: this.locked ? Math.round(this.#moveY) : this.#mouse.y,
      mouseButtons: this.#mouseButtons,
      scrollX: this.#scrollX,
      scrollY: this.#scrollY,
      keys,
    };
  }

  #onKey(e: KeyboardEvent, down: boolean): void {
    const known = ticKeyCode(e.code) !== null;
    if (!known) return;
    // Studio and browser shortcuts (Esc stops, Ctrl+R runs, Ctrl+W closes...) keep working;
    // other keys are the cart's alone.
    const shortcut = e.code === 'Escape' || ((e.ctrlKey || e.metaKey) && e.key !== 'Control' && e.key !== 'Meta');
    if (!shortcut) e.preventDefault();
    if (e.repeat) return;
    this.#keysDown = this.#keysDown.filter((code) => code !== e.code);
    if (down) this.#keysDown.push(e.code);
    this.#flush();
  }

  #onPointer(e: PointerEvent): void {
    if (this.locked) {
      const scale = this.#options.pixelScale();
      this.#moveX += e.movementX / scale;
      this.#moveY += e.movementY / scale;
    } else this.#mouse = this.#options.toFramePoint(e.clientX, e.clientY);
    this.#mouseButtons = ticMouseButtons(e.buttons);
    this.#flush();
  }

  #onWheel(e: WheelEvent): void {
    e.preventDefault();
    // Browsers report scrolling down as positive deltaY; TIC-80 reports it as negative.
    this.#scrollX = clampScroll(this.#scrollX + Math.sign(e.deltaX));
    this.#scrollY = clampScroll(this.#scrollY - Math.sign(e.deltaY));
    this.#flush();
  }

  #flush(): void {
    if (!this.#options.isLive()) return;
    const snapshot = this.snapshot();
    if (this.#lastSent && sameSnapshot(this.#lastSent, snapshot)) return;
    this.#lastSent = snapshot;
    this.#options.send(snapshot);
  }
}
