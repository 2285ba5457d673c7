// The code editor's breakpoints: set and cleared by a click in the glyph margin or F9 on a line,
// with an optional condition or log message (Shift+F9). They are monaco decorations, so they move
// with their line as the code is edited; they belong to the open cart, not to its file.
import type { Breakpoint } from '../../runner/common/debug-types.js';
import { monaco } from '../monaco-setup.js';

type Extra = Omit<Breakpoint, 'line'>;

export class CodeBreakpoints {
  readonly #editor: monaco.editor.IStandaloneCodeEditor;
  readonly #decorations: monaco.editor.IEditorDecorationsCollection;
  /** Condition and log of each decoration, by the line it had when last read. */
  #extras: Extra[] = [];
  #listeners: ((breakpoints: Breakpoint[]) => void)[] = [];
  #last = '[]';

  constructor(editor: monaco.editor.IStandaloneCodeEditor) {
    this.#editor = editor;
    this.#decorations = editor.createDecorationsCollection();
    editor.onMouseDown((e) => {
      const type = e.target.type;
      if (type !== monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN && type !== monaco.editor.MouseTargetType.GUTTER_LINE_NUMBERS) return;
      const line = e.target.position?.lineNumber;
      if (line !== undefined && type === monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN) this.toggle(line);
    });
    editor.addCommand(monaco.KeyCode.F9, () => this.toggle(this.#cursorLine()));
    editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.F9, () => this.#askExtra(this.#cursorLine()));
    // Edits move decorations; the runner hears of the lines they moved to.
    editor.onDidChangeModelContent(() => this.#changed());
  }

  onChange(listener: (breakpoints: Breakpoint[]) => void): void {
    this.#listeners.push(listener);
  }

  list(): Breakpoint[] {
    const model = this.#editor.getModel();
    if (!model) return [];
    const byLine = new Map<number, Breakpoint>();
    this.#decorations.getRanges().forEach((range, i) => {
      const line = range.startLineNumber;
      if (!byLine.has(line)) byLine.set(line, { line, ...this.#extras[i] });
    });
    return [...byLine.values()].sort((a, b) => a.line - b.line);
  }

  toggle(line: number): void {
    const current = this.list();
    this.#set(current.some((b) => b.line === line) ? current.filter((b) => b.line !== line) : [...current, { line }]);
  }

  /** Sets (or replaces) the breakpoint at a line, with its condition or log message. */
  set(breakpoint: Breakpoint): void {
    this.#set([...this.list().filter((b) => b.line !== breakpoint.line), breakpoint]);
  }

  clear(): void {
    this.#set([]);
  }

  #set(breakpoints: Breakpoint[]): void {
    const sorted = [...breakpoints].sort((a, b) => a.line - b.line);
    this.#extras = sorted.map(({ line: _line, ...extra }) => extra);
    this.#decorations.set(sorted.map((b) => this.#decoration(b)));
    this.#changed();
  }

  #decoration(b: Breakpoint): monaco.editor.IModelDeltaDecoration {
    const kind = b.log !== undefined ? 'log' : b.condition !== undefined ? 'conditional' : 'plain';
    const hover =
      b.log !== undefined
        ? `logs: ${b.log}`
        : b.condition !== undefined
          ? `pauses when: ${b.condition}`
          : 'breakpoint (F9 clears it, Shift+F9 adds a condition)';
    return {
      range: new monaco.Range(b.line, 1, b.line, 1),
      options: {
        isWholeLine: true,
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
        glyphMarginClassName: `breakpoint-glyph breakpoint-${kind}`,
        glyphMarginHoverMessage: { value: hover },
      },
    };
  }

  #changed(): void {
    const list = this.list();
    const text = JSON.stringify(list);
    if (text === this.#last) return;
    this.#last = text;
    for (const listener of this.#listeners) listener(list);
  }

  #cursorLine(): number {
    return this.#editor.getPosition()?.lineNumber ?? 1;
  }

  /** Shift+F9: a condition (a Lua expression), or a log message when it starts with "log:". */
  #askExtra(line: number): void {
    const answer = window.prompt(`Breakpoint at line ${line}: a Lua condition (it pauses when true), or "log: text with {expressions}" to trace instead`);
    if (answer === null) return;
    const text = answer.trim();
    if (text === '') this.set({ line });
    else if (text.startsWith('log:')) this.set({ line, log: text.slice(4).trim() });
    else this.set({ line, condition: text });
  }
}
