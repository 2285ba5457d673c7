// One line under the studio: the cart's frame rate, its CPU share of the 60 Hz frame budget, its
// Lua memory, the run state, the code's size against what TIC-80's code editor takes, and whether
// the last runner had its kernel sandbox.
import { TIC80_EDITOR_CODE_BYTES } from '../runner/common/cart/index.js';
import { FRAME_MS } from '../runner/common/frame-rate.js';
import type { SandboxState } from '../runner/common/protocol.js';
import { el } from './dom.js';
import type { StudioState } from './studio-state.js';

export interface StatusReport {
  /** Frames received from the cart in the last second. */
  cartFps: number;
  /** Mean cart CPU time per frame over the last second, in ms. */
  cpuMs: number;
  /** Lua heap in bytes, null before the first frame. */
  luaMemory: number | null;
  state: StudioState;
  renderer: string;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

export class StatusLine {
  readonly #fps = el('span', 'status-item status-fps');
  readonly #cpu = el('span', 'status-item status-cpu');
  readonly #memory = el('span', 'status-item status-memory');
  readonly #renderer = el('span', 'status-item status-renderer');
  readonly #state = el('span', 'status-state');
  readonly #codeSize = el('span', 'status-item status-code-size');
  readonly #sandbox = el('span', 'status-item status-sandbox');

  constructor(root: HTMLElement) {
    root.append(this.#state, this.#fps, this.#cpu, this.#memory, el('span', 'status-spacer'), this.#codeSize, this.#sandbox, this.#renderer);
  }

  /** The code's size in bytes, as TIC-80's code editor shows it ("size N/65536"), marked past its limit. */
  setCodeSize(bytes: number): void {
    const over = bytes > TIC80_EDITOR_CODE_BYTES;
    this.#codeSize.textContent = `size ${bytes}/${TIC80_EDITOR_CODE_BYTES}`;
    this.#codeSize.classList.toggle('over-budget', over);
    this.#codeSize.title = over
      ? `The code is longer than the ${TIC80_EDITOR_CODE_BYTES} bytes TIC-80's code editor takes: TIC-80 runs the cart, but only TIC-80 PRO can edit it`
      : `Code size in bytes, as TIC-80 counts it, against the ${TIC80_EDITOR_CODE_BYTES} its code editor takes`;
  }

  /** The runner's sandbox as its 'ready' said; inPage: the runner is a Web Worker of this page. */
  setSandbox(sandbox: SandboxState, inPage: boolean): void {
    const kind = sandbox.on ? 'on' : inPage ? 'browser' : 'off';
    this.#sandbox.textContent = { on: 'kernel sandbox on', browser: "browser's sandbox", off: 'kernel sandbox off' }[kind];
    this.#sandbox.title = sandbox.detail;
    this.#sandbox.dataset.sandbox = kind;
  }

  update(report: StatusReport): void {
    const cpuPercent = Math.round((report.cpuMs / FRAME_MS) * 100);
    this.#fps.textContent = `${report.cartFps} fps`;
    this.#cpu.textContent = `CPU ${cpuPercent}%`;
    this.#cpu.title = `${report.cpuMs.toFixed(2)} ms of the ${FRAME_MS.toFixed(2)} ms frame budget`;
    this.#cpu.classList.toggle('over-budget', cpuPercent > 100);
    this.#memory.textContent = `Lua ${report.luaMemory === null ? '-' : formatBytes(report.luaMemory)}`;
    this.#renderer.textContent = report.renderer;
    this.#renderer.title = 'screen renderer';
    this.#state.textContent = report.state;
    this.#state.dataset.state = report.state;
  }
}
