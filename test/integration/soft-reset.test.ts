// A cart that calls reset() every frame: each reset runs the cart in a fresh Lua state (as in
// TIC-80), but the host functions that state binds are registered once per VM, so the process
// hosting the cart does not grow with every reset.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { SoftResetReport } from '../fixtures/soft-reset-probe.js';

const PROBE = fileURLToPath(new URL('../fixtures/soft-reset-probe.js', import.meta.url));
/**
 * Frames (each a reset) run before the first reading. The process settles at a high-water mark
 * (the Lua heap's and V8's, about 12 MB above start-up) within the first few thousand fresh states
 * and stays there; a leak, such as host functions registered per state (about 20 KB a reset), keeps
 * growing past it.
 */
const WARM_UP_FRAMES = 8000;
const RESETS = 2000;
const MAX_GROWTH_MB = 5;

it(`${RESETS} soft resets grow the process hosting the cart by less than ${MAX_GROWTH_MB} MB`, async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', PROBE, String(WARM_UP_FRAMES), String(RESETS)]);
  const report = JSON.parse(stdout) as SoftResetReport;
  assert.equal(report.states, WARM_UP_FRAMES + RESETS, 'the cart did not start over in a new Lua state every frame');
  const growth = report.afterMb - report.warmMb;
  assert.ok(
    growth < MAX_GROWTH_MB,
    `RSS grew by ${growth.toFixed(1)} MB over ${RESETS} resets (${report.warmMb.toFixed(1)} -> ${report.afterMb.toFixed(1)} MB)`,
  );
});
