// The editor's API documentation (runner/common/api-docs.ts: completion, hover, signature help and
// the console's `help api`) against the runner: it lists exactly the functions a cart's Lua state
// binds and the callbacks the machine calls.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { API_DOCS } from '../../runner/common/api-docs.js';
import { DEFAULT_RUNNER_FLAGS } from '../../runner/common/runner-flags.js';
import { readGlueWasm } from '../../runner/node/glue-file.js';
import { consoleApi } from '../../runner/vm/api/console-api.js';
import type { ApiContext } from '../../runner/vm/api/context.js';
import { CALLBACKS } from '../../runner/vm/cart-script.js';
import { Input } from '../../runner/vm/input.js';
import { LuaBridge } from '../../runner/vm/lua/lua-bridge.js';
import { loadLuaWasm } from '../../runner/vm/lua/lua-wasm.js';
import { SoundChip } from '../../runner/vm/sound/sound-chip.js';
import { createVmThreadInit } from '../../runner/common/vm-link/thread-messages.js';
import { Video } from '../../runner/vm/video/video.js';
import { Rig } from '../conformance/rig.js';

/** Called by the machine, but not offered by the editor: SCN's name before TIC-80 1.0. */
const UNDOCUMENTED_CALLBACKS = ['scanline'];

const documented = (callbacks: boolean) =>
  API_DOCS.filter((entry) => (entry.category === 'callback') === callbacks)
    .map((entry) => entry.name)
    .sort();

it('the API docs list exactly the functions the runner binds', async () => {
  const init = createVmThreadInit(DEFAULT_RUNNER_FLAGS);
  const ram = new Uint8Array(init.ram);
  const lua = new LuaBridge(await loadLuaWasm(readGlueWasm(), { share: false, memoryLimitBytes: init.memoryLimitBytes }));
  const ctx: ApiContext = {
    lua,
    ram,
    video: new Video(ram),
    input: new Input(ram),
    time: () => 0,
    cpuShare: () => 0,
    luaMemory: () => 0,
    trace: () => {},
    requestExit: () => {},
    requestReset: () => {},
    sync: () => {},
  };
  const bound = consoleApi(ctx, new SoundChip(ram)).map((fn) => fn.name);
  assert.deepEqual(documented(false), [...bound].sort());
  assert.equal(new Set(bound).size, bound.length, 'a function is bound twice');
});

it("every documented function is a function in a cart's Lua state", async () => {
  const rig = await Rig.load();
  const names = documented(false);
  const run = rig.tic(`  for _, name in ipairs({${names.map((n) => `"${n}"`).join(', ')}}) do trace(name .. " " .. type(_G[name])) end`);
  assert.equal(run.status, 'ok');
  assert.deepEqual(
    run.traces.map((t) => t.text),
    names.map((name) => `${name} function`),
  );
});

it('the API docs list exactly the callbacks the machine calls', () => {
  assert.deepEqual(documented(true), CALLBACKS.filter((name) => !UNDOCUMENTED_CALLBACKS.includes(name)).sort());
});
