// The console: trace output in the cart's colours, errors with links to their lines, the busy
// notice and, while paused, the call stack with each frame's locals.
import type { StackFrame } from '../runner/common/protocol.js';
import { button, el } from './dom.js';
import { needsLightBackdrop, paletteColor } from './palette.js';

/** Older lines are dropped past this, so a cart tracing every frame cannot flood the page. */
const MAX_LINES = 1000;
/**
 * Lines live in blocks of this many. Blocks are laid out apart from each other (CSS containment),
 * so a cart tracing hundreds of lines a frame costs the layout of the newest block only, and the
 * oldest lines go a whole block at a time.
 */
const BLOCK_LINES = 100;

export interface ConsoleActions {
  revealLine(line: number): void;
  breakCart(): void;
  resumeCart(): void;
  stopCart(): void;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class ConsolePane {
  readonly #actions: ConsoleActions;
  readonly #log: HTMLElement;
  readonly #busy: HTMLElement;
  readonly #busyText: HTMLElement;
  readonly #paused: HTMLElement;
  #pending: HTMLElement[] = [];
  #flushScheduled = false;
  #lineCount = 0;
  /** Matches "name.lua:12" (or Lua's '[string "..."]:12') in messages and tracebacks. */
  #lineRef = /\[string "[^"\n]*"\]:(\d+)/g;

  constructor(root: HTMLElement, actions: ConsoleActions) {
    this.#actions = actions;
    this.#busyText = el('span', 'busy-text');
    this.#busy = el(
      'div',
      'console-busy',
      el('span', 'busy-icon'),
      this.#busyText,
      button('Break', 'btn btn-small', () => actions.breakCart(), 'Pause the cart where it is'),
      button('Stop', 'btn btn-small btn-danger', () => actions.stopCart(), 'End the cart (Esc)'),
    );
    this.#busy.hidden = true;
    this.#paused = el('div', 'console-paused');
    this.#paused.hidden = true;
    this.#log = el('div', 'console-log');
    this.#log.setAttribute('role', 'log');
    const header = el(
      'div',
      'pane-header',
      el('span', 'pane-title', 'Console'),
      button('Clear', 'btn btn-small btn-quiet', () => this.clear()),
    );
    root.append(header, this.#busy, this.#paused, this.#log);
  }

  /** Line references to this cart's name become links. */
  setCartName(name: string): void {
    this.#lineRef = new RegExp(`(?:${escapeRegExp(name)}|\\[string "[^"\\n]*"\\]):(\\d+)`, 'g');
  }

  info(text: string): void {
    this.#append(el('div', 'line line-info', text));
  }

  warn(text: string): void {
    this.#append(el('div', 'line line-warning', text));
  }

  trace(text: string, color: number): void {
    const span = el('span', needsLightBackdrop(color) ? 'trace-text on-light' : 'trace-text', text);
    span.style.color = paletteColor(color);
    this.#append(el('div', 'line line-trace', span));
  }

  error(message: string, line?: number, traceback?: string): void {
    const entry = el('div', 'line line-error');
    const head = el('div', 'error-message');
    const linked = this.#linkify(message);
    if (line !== undefined && !linked.linked) head.append(this.#lineLink(`line ${line}`, line), ': ');
    head.append(...linked.nodes);
    entry.append(head);
    if (traceback) entry.append(el('pre', 'error-traceback', ...this.#linkify(traceback).nodes));
    this.#append(entry);
  }

  clear(): void {
    this.#pending = [];
    this.#lineCount = 0;
    this.#log.replaceChildren();
  }

  showBusy(ms: number, line?: number): void {
    const where = line !== undefined ? `busy at line ${line}` : 'busy';
    this.#busyText.textContent = `${where} for ${(ms / 1000).toFixed(1)} s`;
    this.#busy.hidden = false;
  }

  hideBusy(): void {
    this.#busy.hidden = true;
  }

  showPaused(line: number | undefined, stack: StackFrame[]): void {
    const title = line !== undefined ? `Paused at line ${line}` : 'Paused';
    const header = el(
      'div',
      'paused-header',
      el('span', 'paused-title', title),
      button('Resume', 'btn btn-small btn-primary', () => this.#actions.resumeCart(), 'Continue the cart'),
      button('Stop', 'btn btn-small btn-danger', () => this.#actions.stopCart(), 'End the cart (Esc)'),
    );
    const frames = el('div', 'stack');
    stack.forEach((frame, i) => frames.append(this.#stackFrame(frame, i === 0)));
    if (stack.length === 0) frames.append(el('div', 'stack-empty', 'no call stack available'));
    this.#paused.replaceChildren(header, frames);
    this.#paused.hidden = false;
  }

  hidePaused(): void {
    this.#paused.hidden = true;
    this.#paused.replaceChildren();
  }

  #stackFrame(frame: StackFrame, open: boolean): HTMLElement {
    const details = el('details', 'stack-frame');
    details.open = open;
    const where = frame.line >= 0 ? `${frame.source}:${frame.line}` : frame.source;
    const summary = el('summary', 'stack-summary', el('span', 'stack-name', frame.name), ' ');
    summary.append(frame.line >= 0 && frame.source !== '[C]' ? this.#lineLink(where, frame.line) : el('span', 'stack-where', where));
    details.append(summary);
    if (frame.locals.length === 0) {
      details.append(el('div', 'stack-empty', 'no locals'));
    } else {
      const table = el('table', 'locals');
      for (const local of frame.locals) {
        table.append(el('tr', '', el('td', 'local-name', local.name), el('td', 'local-value', local.value)));
      }
      details.append(table);
    }
    return details;
  }

  #lineLink(label: string, line: number): HTMLElement {
    const link = button(label, 'line-link', () => this.#actions.revealLine(line), `Show line ${line} in the editor`);
    link.dataset.line = String(line);
    return link;
  }

  /** The text as nodes, with each reference to a cart line turned into a link. */
  #linkify(text: string): { nodes: Node[]; linked: boolean } {
    const nodes: Node[] = [];
    let last = 0;
    for (const match of text.matchAll(this.#lineRef)) {
      const at = match.index;
      if (at > last) nodes.push(document.createTextNode(text.slice(last, at)));
      nodes.push(this.#lineLink(match[0], Number(match[1])));
      last = at + match[0].length;
    }
    if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
    return { nodes, linked: last > 0 };
  }

  #append(line: HTMLElement): void {
    this.#pending.push(line);
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    requestAnimationFrame(() => this.#flush());
  }

  /** Adds the lines of one studio frame at once, and follows the end unless the user scrolled up. */
  #flush(): void {
    this.#flushScheduled = false;
    const log = this.#log;
    const atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 8;
    const lines = this.#pending.slice(-MAX_LINES);
    this.#pending = [];
    let block = log.lastElementChild;
    for (let at = 0; at < lines.length;) {
      if (!block || block.childElementCount >= BLOCK_LINES) block = log.appendChild(el('div', 'console-block'));
      const take = Math.min(BLOCK_LINES - block.childElementCount, lines.length - at);
      block.append(...lines.slice(at, at + take));
      at += take;
    }
    this.#lineCount += lines.length;
    for (let oldest = log.firstElementChild; oldest && this.#lineCount - oldest.childElementCount >= MAX_LINES; oldest = log.firstElementChild) {
      this.#lineCount -= oldest.childElementCount;
      oldest.remove();
    }
    if (atEnd) log.scrollTop = log.scrollHeight;
  }
}
