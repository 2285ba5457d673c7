// The console: trace output in the cart's colours, errors with links to their lines, the busy
// notice and, while paused, the debugger: the steps, the call stack with each frame's locals,
// upvalues and varargs, the globals, watch expressions and the RAM.
import type { StepKind } from '../runner/common/debug-types.js';
import type { StackFrame } from '../runner/common/protocol.js';
import { ramView } from './debugger/ram-view.js';
import { valueList, valueRow, type Inspect } from './debugger/value-tree.js';
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
  step(kind: StepKind): void;
  /** Reads a value of the paused cart. */
  inspect: Inspect;
  /** The paused cart's RAM. */
  readRam(): Promise<Uint8Array>;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class ConsolePane {
  readonly #actions: ConsoleActions;
  readonly #log: HTMLElement;
  readonly #busy: HTMLElement;
  readonly #busyText: HTMLElement;
  readonly #paused: HTMLElement;
  #pending: HTMLElement[] = [];
  /** Watch expressions, evaluated again at every pause. */
  #watches: string[] = [];
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

  showPaused(line: number | undefined, stack: StackFrame[], globals?: number): void {
    const title = line !== undefined ? `Paused at line ${line}` : 'Paused';
    const actions = this.#actions;
    const header = el(
      'div',
      'paused-header',
      el('span', 'paused-title', title),
      button('Resume', 'btn btn-small btn-primary', () => actions.resumeCart(), 'Continue the cart (F5)'),
      button('Over', 'btn btn-small step-over', () => actions.step('over'), 'Step over: the next line here (F10)'),
      button('Into', 'btn btn-small step-into', () => actions.step('into'), 'Step into: the next line run (F11)'),
      button('Out', 'btn btn-small step-out', () => actions.step('out'), 'Step out: the next line of the caller (Shift+F11)'),
      button('Stop', 'btn btn-small btn-danger', () => actions.stopCart(), 'End the cart (Esc)'),
    );
    const frames = el('div', 'stack');
    stack.forEach((frame, i) => frames.append(this.#stackFrame(frame, i === 0)));
    if (stack.length === 0) frames.append(el('div', 'stack-empty', 'no call stack available'));
    const sections: HTMLElement[] = [header, this.#watchSection(), frames];
    if (globals !== undefined)
      sections.push(this.#section('globals', valueRow({ name: 'globals', value: '(the cart’s, without the API)', handle: globals }, actions.inspect)));
    sections.push(this.#ramSection());
    this.#paused.replaceChildren(...sections);
    this.#paused.hidden = false;
  }

  #section(className: string, ...children: HTMLElement[]): HTMLElement {
    return el('div', `paused-section ${className}`, ...children);
  }

  #watchSection(): HTMLElement {
    const list = el('div', 'watch-list');
    const input = el('input', 'watch-input');
    input.placeholder = 'watch an expression (Enter)';
    const show = (expression: string) => {
      const row = el('div', 'watch-row');
      const remove = button('×', 'btn btn-small btn-quiet', () => {
        this.#watches = this.#watches.filter((w) => w !== expression);
        row.remove();
      });
      row.append(remove);
      list.append(row);
      void this.#actions.inspect({ expression, frame: 0 }).then((result) => {
        const value = result.entries[0];
        row.append(value ? valueRow(value, this.#actions.inspect) : el('span', 'value-error', `${expression}: ${result.error ?? 'no value'}`));
      });
    };
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || input.value.trim() === '') return;
      const expression = input.value.trim();
      input.value = '';
      this.#watches.push(expression);
      show(expression);
    });
    for (const expression of this.#watches) show(expression);
    return this.#section('watch', input, list);
  }

  #ramSection(): HTMLElement {
    const details = el('details', 'ram-section');
    details.append(el('summary', '', 'RAM and palette'));
    details.addEventListener('toggle', () => {
      if (!details.open || details.childElementCount > 1) return;
      void this.#actions.readRam().then((ram) => details.append(ramView(ram)));
    });
    return this.#section('ram', details);
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
    const inspect = this.#actions.inspect;
    if (frame.locals.length === 0) details.append(el('div', 'stack-empty', 'no locals'));
    else details.append(el('div', 'locals', valueList(frame.locals, inspect)));
    if (frame.varargs) details.append(el('div', 'stack-group', '...'), valueList(frame.varargs, inspect));
    if (frame.upvalues) details.append(el('div', 'stack-group', 'upvalues'), valueList(frame.upvalues, inspect));
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
