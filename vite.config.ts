// Builds the studio page (renderer/) into dist/studio, apart from dist/renderer where tsc puts the
// renderer modules unit tests import (this build empties its folder). Relative asset URLs (base
// './') let the same build load from the desktop app's own scheme or file://, and from the web
// server's root.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/studio',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  worker: {
    format: 'es',
  },
});
