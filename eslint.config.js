// `npm run lint`: typescript-eslint's type-checked rules, plus the direction of imports between the
// folders that say where code runs (README, "How it is built"). npm test runs it first.
import path from 'node:path';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** Folders (relative to the root) that code in each folder must not import from, and why. */
const LAYERS = [
  { from: 'runner/common', banned: ['runner/vm', 'runner/node', 'runner/browser', 'renderer', 'electron'], why: 'runner/common runs anywhere' },
  { from: 'runner/vm', banned: ['runner/node', 'runner/browser', 'renderer', 'electron'], why: 'runner/vm runs on a VM thread of any host' },
  { from: 'runner/browser', banned: ['runner/node', 'renderer', 'electron'], why: 'runner/browser runs in a browser' },
  { from: 'renderer', banned: ['runner/node', 'electron'], why: 'renderer/ runs in a browser page' },
];
const NODE_ONLY_FROM = ['runner/common', 'runner/vm', 'runner/browser', 'renderer'];

const inside = (file, folder) => file === folder || file.startsWith(`${folder}/`);

const layers = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = LAYERS.find((l) => inside(file, l.from));
    const nodeOnlyBanned = NODE_ONLY_FROM.some((folder) => inside(file, folder));
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      if (nodeOnlyBanned && (source.startsWith('node:') || source === 'ws' || source === 'electron')) {
        context.report({ node, message: `${file} must not import the Node-only module '${source}': it runs outside Node.` });
        return;
      }
      if (!layer || !source.startsWith('.')) return;
      const target = path
        .relative(root, path.resolve(path.dirname(context.filename), source))
        .split(path.sep)
        .join('/');
      const banned = layer.banned.find((folder) => inside(target, folder));
      if (banned) context.report({ node, message: `${file} must not import from ${banned}/ (${layer.why}).` });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'runner/node/kernel-sandbox/build/', 'eslint.config.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './renderer/tsconfig.json', './runner/browser/tsconfig.json'],
        tsconfigRootDir: root,
      },
    },
    plugins: { nibble: { rules: { layers } } },
    rules: {
      'nibble/layers': 'error',
      // A variable that closures read before its one assignment (a value known only later) stays let.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Leaving a field out of a copy by destructuring it into an unused name is the idiom for it.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false }],
      // node:test's describe/it/test return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: ':matches(PropertyDefinition, MethodDefinition[kind!="constructor"], TSParameterProperty, AccessorProperty)[accessibility="private"]',
          message: 'Use a #private member: the project keeps one private-field style, the one the runtime enforces.',
        },
      ],
    },
  },
);
