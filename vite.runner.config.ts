// Bundles the runner process and the command line (`npm run compile`, after tsc), so that a runner
// or a command starts without loading and compiling dozens of modules: the runner's entry and its
// VM thread into dist/runner/node/bundle/runner/, started by spawnRunner and Electron
// (runner-process.ts, RUNNER_ENTRY); the CLI into dist/runner/node/bundle/cli/ (with the chunks
// it loads lazily), started by the `nibble` command (cli/cli.ts). tsc's modules in dist/ stay for
// everything else, test fixtures' runner entries included.
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const ROOT = import.meta.dirname;
const DIST = path.join(ROOT, 'dist');
const BUNDLES = path.join(DIST, 'runner/node/bundle');

/**
 * The two bundles, built apart (`--mode runner|cli`) so that the runner's threads load no chunk of
 * the CLI's: each entry's name and source (the runner's file name keeps 'runner-entry' in its
 * command line, where tools and tests look for it).
 */
const PARTS = {
  runner: { 'runner-entry': 'runner/node/runner-entry.ts', 'vm-worker': 'runner/node/vm-worker.ts' },
  cli: { cli: 'runner/node/cli/cli-main.ts' },
} as const;

/** Where tsc puts a source file's module. */
const compiledPath = (source: string) => path.join(DIST, path.relative(ROOT, path.resolve(ROOT, source))).replace(/\.ts$/, '.js');

/** tsc's module of each entry, and its bundle in its place. */
const BUNDLE_OF = new Map(
  Object.entries(PARTS).flatMap(([part, entries]) =>
    Object.entries(entries).map(([name, source]) => [compiledPath(source), path.join(BUNDLES, part, `${name}.js`)] as const),
  ),
);

/**
 * Modules find files relative to where tsc puts them (`new URL('../x.js', import.meta.url)`); in a
 * bundle, the URL must be relative to the bundle. Rewrites each such URL to reach the same file
 * from the bundle's folder, or the bundle of an entry it names (the runner entry's VM thread).
 */
function relocatedUrls(outDir: string): Plugin {
  return {
    name: 'nibble-relocated-urls',
    transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const compiledDir = path.dirname(compiledPath(id));
      // After Vite's TypeScript transform, which prints strings in double quotes.
      const relocated = code.replace(/new URL\("(\.\.?\/[^"]*)", import\.meta\.url\)/g, (_, url: string) => {
        const target = path.resolve(compiledDir, url);
        const fromBundle = path
          .relative(outDir, BUNDLE_OF.get(target) ?? target)
          .split(path.sep)
          .join('/');
        return `new URL(${JSON.stringify(fromBundle.startsWith('.') ? fromBundle : `./${fromBundle}`)}, import.meta.url)`;
      });
      // Any other use of the module's own location would silently resolve from the bundle's folder.
      const unrelocated = relocated.replace(/new URL\("[^"]*", import\.meta\.url\)|createRequire\(import\.meta\.url\)/g, '');
      if (/import\.meta\.(url|dirname|filename)/.test(unrelocated))
        this.error(
          `${path.relative(ROOT, id)} uses import.meta other than new URL('./relative', import.meta.url) or createRequire(import.meta.url), which a bundle cannot relocate`,
        );
      return { code: relocated, map: null };
    },
  };
}

export default defineConfig(({ mode }) => {
  if (!(mode in PARTS)) throw new Error(`vite.runner.config.ts builds one part at a time: --mode ${Object.keys(PARTS).join('|')}`);
  const part = mode as keyof typeof PARTS;
  const outDir = path.join(BUNDLES, part);
  return {
    publicDir: false,
    logLevel: 'warn',
    plugins: [relocatedUrls(outDir)],
    build: {
      outDir,
      emptyOutDir: true,
      ssr: true,
      target: 'node20',
      minify: false,
      rolldownOptions: {
        input: PARTS[part],
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name].js' },
      },
    },
    ssr: { noExternal: true },
  };
});
