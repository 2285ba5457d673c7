// Bundles the runner process into dist/runner/node/bundle/ (`npm run compile`, after tsc): its
// entry and its VM thread, each one file with everything of ours it imports, so a runner starts
// without loading and compiling about a hundred modules. spawnRunner and Electron start this
// bundle (runner-process.ts, RUNNER_ENTRY); tsc's modules in dist/ stay for everything else.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    // The same depth as dist/runner/node/kernel-sandbox/, whose addon path is relative to it.
    outDir: 'dist/runner/node/bundle',
    emptyOutDir: true,
    ssr: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      // runner-entry.js starts ./vm-worker.js, beside it. The file name keeps 'runner-entry' in a
      // runner's command line, where tools and tests look for it.
      input: { 'runner-entry': 'runner/node/runner-entry.ts', 'vm-worker': 'runner/node/vm-worker.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name].js' },
    },
  },
  ssr: { noExternal: true },
});
