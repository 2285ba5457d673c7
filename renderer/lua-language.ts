// Completion, hover and signature help for the console API in Lua carts, from runner/common/api-docs.ts.
import { API_DOCS, findApiEntry, paramLabel, signatureLabel, type ApiEntry, type ApiSignature } from '../runner/common/api-docs.js';
import { findCallContext } from './lua-call-context.js';
import type { monaco as Monaco } from './monaco-setup.js';

type MonacoApi = typeof Monaco;
type Model = Monaco.editor.ITextModel;

const LUA_KEYWORDS = [
  'and',
  'break',
  'do',
  'else',
  'elseif',
  'end',
  'false',
  'for',
  'function',
  'goto',
  'if',
  'in',
  'local',
  'nil',
  'not',
  'or',
  'repeat',
  'return',
  'then',
  'true',
  'until',
  'while',
];

function entryMarkdown(entry: ApiEntry): string {
  const signatures = entry.signatures.map((sig) => signatureLabel(entry.name, sig)).join('\n');
  const kind = entry.category === 'callback' ? 'callback, defined by the cart' : entry.category;
  return `\`\`\`lua\n${signatures}\n\`\`\`\n${entry.doc}\n\n*${kind}*`;
}

/** True when the word starting at startColumn follows `.` or `:`: a field, not a global. */
function isFieldName(model: Model, lineNumber: number, startColumn: number): boolean {
  const charBefore = model.getLineContent(lineNumber)[startColumn - 2];
  return charBefore === '.' || charBefore === ':';
}

function callbackSnippet(entry: ApiEntry): string {
  const params = entry.signatures[0].params.map((p) => p.name).join(',');
  return `function ${entry.name}(${params})\n\t$0\nend`;
}

function completionItems(monaco: MonacoApi, range: Monaco.IRange): Monaco.languages.CompletionItem[] {
  const { CompletionItemKind, CompletionItemInsertTextRule } = monaco.languages;
  const api = API_DOCS.map((entry): Monaco.languages.CompletionItem => {
    const isCallback = entry.category === 'callback';
    return {
      label: isCallback ? { label: entry.name, description: 'callback' } : entry.name,
      kind: isCallback ? CompletionItemKind.Snippet : CompletionItemKind.Function,
      detail: signatureLabel(entry.name, entry.signatures[0]),
      documentation: { value: entryMarkdown(entry) },
      insertText: isCallback ? callbackSnippet(entry) : `${entry.name}($0)`,
      insertTextRules: CompletionItemInsertTextRule.InsertAsSnippet,
      command: isCallback ? undefined : { id: 'editor.action.triggerParameterHints', title: 'signature' },
      range,
    };
  });
  const keywords = LUA_KEYWORDS.map((word): Monaco.languages.CompletionItem => ({
    label: word,
    kind: CompletionItemKind.Keyword,
    insertText: word,
    range,
  }));
  return [...api, ...keywords];
}

function signatureInformation(entry: ApiEntry, sig: ApiSignature): Monaco.languages.SignatureInformation {
  let label = `${entry.name}(`;
  const parameters: Monaco.languages.ParameterInformation[] = sig.params.map((param, i) => {
    if (i > 0) label += ', ';
    const start = label.length;
    label += paramLabel(param);
    return { label: [start, label.length], documentation: param.doc };
  });
  label += ')';
  if (sig.returns) label += ` -> ${sig.returns}`;
  return { label, parameters, documentation: { value: entry.doc } };
}

/** The first form of the function that has room for the argument being typed. */
function activeSignatureIndex(entry: ApiEntry, argIndex: number): number {
  const fits = entry.signatures.findIndex((sig) => sig.params.length > argIndex);
  return fits < 0 ? 0 : fits;
}

export function registerLuaLanguageFeatures(monaco: MonacoApi): void {
  monaco.languages.registerCompletionItemProvider('lua', {
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      if (isFieldName(model, position.lineNumber, word.startColumn)) return { suggestions: [] };
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      return { suggestions: completionItems(monaco, range) };
    },
  });

  monaco.languages.registerHoverProvider('lua', {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word || isFieldName(model, position.lineNumber, word.startColumn)) return null;
      const entry = findApiEntry(word.word);
      if (!entry) return null;
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
        contents: [{ value: entryMarkdown(entry) }],
      };
    },
  });

  monaco.languages.registerSignatureHelpProvider('lua', {
    signatureHelpTriggerCharacters: ['(', ','],
    signatureHelpRetriggerCharacters: [')'],
    provideSignatureHelp(model, position) {
      const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
      const call = findCallContext(before);
      const entry = call && findApiEntry(call.name);
      if (!call || !entry) return null;
      return {
        value: {
          signatures: entry.signatures.map((sig) => signatureInformation(entry, sig)),
          activeSignature: activeSignatureIndex(entry, call.argIndex),
          activeParameter: call.argIndex,
        },
        dispose() {},
      };
    },
  });
}
