#!/usr/bin/env node
// The `nibble` command (package.json's "bin"): it runs the command line's bundle (cli-main.ts, bundled
// by vite.runner.config.ts), a few files to load instead of some thirty modules.
await import(new URL('../bundle/cli/cli.js', import.meta.url).href);
