// Builds the studio page (renderer/) into dist/renderer. Relative asset URLs (base './') let the
// same build load from the desktop app's own scheme or file://, and from the web server's root.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  worker: {
    format: 'es',
  },
});
