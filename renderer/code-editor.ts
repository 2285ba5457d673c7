// The cart's code: a monaco editor with Lua support, error markers, breakpoints, the paused-line
// highlight and, while paused, the value of what the pointer is over.
import { CodeBreakpoints } from './debugger/breakpoints.js';
import { registerLuaLanguageFeatures } from './lua-language.js';
import { monaco } from './monaco-setup.js';

const MARKER_OWNER = 'nibble-run';

export interface CodeEditorOptions {
  code: string;
  onChange(code: string): void;
  /** The value of a name (or `a.b`) in the paused cart's innermost frame; null when not paused. */
  valueOf(expression: string): Promise<string | null>;
}

/** A name and the fields after it (`player.pos.x`) ending at a column of a line. */
function pathAt(line: string, column: number): string | null {
  const before = /[A-Za-z_][\w.]*$/.exec(line.slice(0, column - 1))?.[0] ?? '';
  const after = /^\w*/.exec(line.slice(column - 1))?.[0] ?? '';
  const path = (before + after).replace(/^\.+|\.+$/g, '');
  return /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(path) ? path : null;
}

registerLuaLanguageFeatures(monaco);

export class CodeEditor {
  readonly #editor: monaco.editor.IStandaloneCodeEditor;
  readonly #pausedLine: monaco.editor.IEditorDecorationsCollection;
  readonly breakpoints: CodeBreakpoints;

  constructor(host: HTMLElement, options: CodeEditorOptions) {
    this.#editor = monaco.editor.create(host, {
      value: options.code,
      language: 'lua',
      theme: 'nibble-dark',
      automaticLayout: true,
      fontFamily: "'JetBrains Mono', 'Fira Code', 'DejaVu Sans Mono', Consolas, monospace",
      fontSize: 14,
      tabSize: 2,
      insertSpaces: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      glyphMargin: true,
      renderWhitespace: 'selection',
      fixedOverflowWidgets: true,
      'semanticHighlighting.enabled': false,
    });
    this.#pausedLine = this.#editor.createDecorationsCollection();
    this.breakpoints = new CodeBreakpoints(this.#editor);
    this.#editor.onDidChangeModelContent(() => options.onChange(this.getCode()));
    monaco.languages.registerHoverProvider('lua', {
      provideHover: async (model, position) => {
        if (model !== this.#editor.getModel()) return null;
        const path = pathAt(model.getLineContent(position.lineNumber), position.column);
        const value = path ? await options.valueOf(path) : null;
        return value === null || !path ? null : { contents: [{ value: `\`${path}\` = \`${value.replace(/`/g, "'")}\`` }] };
      },
    });
  }

  getCode(): string {
    return this.#editor.getValue();
  }

  /** Shows another cart's code: a fresh text with an undo history of its own. */
  load(code: string): void {
    this.clearErrors();
    this.#pausedLine.clear();
    this.breakpoints.clear();
    this.#editor.setValue(code);
  }

  /** Replaces the whole text as one undoable edit. */
  setCode(code: string): void {
    const model = this.#editor.getModel();
    if (!model) return;
    this.#editor.executeEdits('nibble', [{ range: model.getFullModelRange(), text: code }]);
    this.#editor.pushUndoStop();
  }

  focus(): void {
    this.#editor.focus();
  }

  /** Scrolls to the line, selects it and gives the editor focus. */
  revealLine(line: number): void {
    const model = this.#editor.getModel();
    if (!model) return;
    const lineNumber = Math.min(Math.max(1, line), model.getLineCount());
    const selection = new monaco.Selection(lineNumber, 1, lineNumber, model.getLineMaxColumn(lineNumber));
    this.#editor.setSelection(selection);
    this.#editor.revealLineInCenterIfOutsideViewport(lineNumber);
    this.#editor.focus();
  }

  showError(message: string, line: number): void {
    const model = this.#editor.getModel();
    if (!model || line < 1 || line > model.getLineCount()) return;
    monaco.editor.setModelMarkers(model, MARKER_OWNER, [
      {
        severity: monaco.MarkerSeverity.Error,
        message,
        startLineNumber: line,
        startColumn: model.getLineFirstNonWhitespaceColumn(line) || 1,
        endLineNumber: line,
        endColumn: model.getLineMaxColumn(line),
      },
    ]);
  }

  clearErrors(): void {
    const model = this.#editor.getModel();
    if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
  }

  /** Highlights the line where the cart is paused (null removes it). */
  setPausedLine(line: number | null): void {
    const model = this.#editor.getModel();
    if (line === null || !model || line < 1 || line > model.getLineCount()) {
      this.#pausedLine.clear();
      return;
    }
    this.#pausedLine.set([
      {
        range: new monaco.Range(line, 1, line, 1),
        options: {
          isWholeLine: true,
          className: 'paused-line',
          glyphMarginClassName: 'paused-line-glyph',
          glyphMarginHoverMessage: { value: 'paused here' },
          overviewRuler: { color: '#ffcd75', position: monaco.editor.OverviewRulerLane.Full },
        },
      },
    ]);
    this.#editor.revealLineInCenterIfOutsideViewport(line);
  }
}
