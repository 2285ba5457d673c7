// Builds the player of exported games into dist/studio/player, after the studio's build (which
// empties dist/studio): four one-file ES bundles (the page, its runner worker, the runner's VM
// worker, the sound's audio worklet), the page's styles, and the Lua module. `nibble export` and
// the studio inline them all into one HTML file (runner/common/export/game-html.ts names the
// files). Run once per part: `vite build -c vite.player.config.ts --mode page|runner|vm|worklet`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import { PLAYER_PART_FILES } from './runner/common/export/game-html.js';

/**
 * The workers are classic scripts (iife): a page opened from file:// may start a worker from a Blob
 * of its own code, but not a module worker. The page is an inline module; an audio worklet is
 * always a module.
 */
const PARTS = {
  page: { entry: 'renderer/player/player-main.ts', file: PLAYER_PART_FILES.page, format: 'es' },
  runner: { entry: 'runner/browser/embedded-runner-worker.ts', file: PLAYER_PART_FILES.runnerWorker, format: 'iife' },
  vm: { entry: 'runner/browser/embedded-vm-worker.ts', file: PLAYER_PART_FILES.vmWorker, format: 'iife' },
  worklet: { entry: 'renderer/audio/frame-player.worklet.ts', file: PLAYER_PART_FILES.audioWorklet, format: 'es' },
} as const;

/** Puts wasmoon's Lua module next to the VM worker, for the exporter to embed. */
function luaModule(): Plugin {
  return {
    name: 'nibble-lua-module',
    generateBundle() {
      const source = readFileSync(createRequire(import.meta.url).resolve('wasmoon/dist/glue.wasm'));
      this.emitFile({ type: 'asset', fileName: PLAYER_PART_FILES.luaWasm, source });
    },
  };
}

export default defineConfig(({ mode }) => {
  if (!(mode in PARTS)) throw new Error(`vite.player.config.ts builds one part at a time: --mode ${Object.keys(PARTS).join('|')}`);
  const part = PARTS[mode as keyof typeof PARTS];
  return {
    base: './',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: mode === 'vm' ? [luaModule()] : [],
    build: {
      outDir: 'dist/studio/player',
      emptyOutDir: mode === 'page',
      target: 'es2022',
      minify: true,
      // Everything a part imports goes into its one file (pixi's lazily loaded modules too).
      assetsInlineLimit: () => true,
      rolldownOptions: { output: { codeSplitting: false, minify: true } },
      lib: {
        entry: part.entry,
        name: 'nibble',
        formats: [part.format],
        fileName: () => part.file,
        cssFileName: PLAYER_PART_FILES.css.replace(/\.css$/, ''),
      },
    },
  };
});
