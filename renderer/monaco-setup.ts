// The parts of monaco the studio uses, and nothing else: the bare editor API, the Lua grammar and
// the editing features a cart author reaches for. Importing 'monaco-editor' itself would pull in
// every language and its workers.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import 'monaco-editor/languages/definitions/lua/register.js';
import 'monaco-editor/editor/browser/coreCommands.js';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/clipboard/register.js';
import 'monaco-editor/features/comment/register.js';
import 'monaco-editor/features/contextmenu/register.js';
import 'monaco-editor/features/cursorUndo/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/folding/register.js';
import 'monaco-editor/features/gotoError/register.js';
import 'monaco-editor/features/gotoLine/register.js';
import 'monaco-editor/features/hover/register.js';
import 'monaco-editor/features/indentation/register.js';
import 'monaco-editor/features/linesOperations/register.js';
import 'monaco-editor/features/multicursor/register.js';
import 'monaco-editor/features/parameterHints/register.js';
import 'monaco-editor/features/smartSelect/register.js';
import 'monaco-editor/features/snippet/register.js';
import 'monaco-editor/features/wordHighlighter/register.js';
import 'monaco-editor/features/wordOperations/register.js';
import { SWEETIE_16 } from './palette.js';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

const hex = (index: number): string => SWEETIE_16[index].slice(1);

/** A dark theme drawn from the console's own palette. */
monaco.editor.defineTheme('nibble-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'comment', foreground: hex(13), fontStyle: 'italic' },
    { token: 'keyword', foreground: hex(3) },
    { token: 'string', foreground: hex(5) },
    { token: 'number', foreground: hex(11) },
    { token: 'delimiter', foreground: hex(13) },
    { token: 'identifier', foreground: hex(12) },
  ],
  colors: {
    'editor.background': '#12131e',
    'editor.foreground': SWEETIE_16[12],
    'editorLineNumber.foreground': SWEETIE_16[14],
    'editorLineNumber.activeForeground': SWEETIE_16[4],
    'editor.lineHighlightBackground': '#1f2236',
    'editor.selectionBackground': '#29366faa',
    'editorCursor.foreground': SWEETIE_16[4],
    'editorWidget.background': '#1a1c2c',
    'editorSuggestWidget.background': '#1a1c2c',
    'editorSuggestWidget.selectedBackground': '#29366f',
    'editorHoverWidget.background': '#1a1c2c',
  },
});

export { monaco };
