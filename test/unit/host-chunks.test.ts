// The host's Lua chunks as the build dumps them (runner/node/host-chunk-file.ts) and as a VM given
// them loads them (runner/vm/lua/sandbox.ts, seedHostChunks).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readGlueWasm } from '../../runner/node/glue-file.js';
import { readHostChunks } from '../../runner/node/host-chunk-file.js';
import { LuaBridge } from '../../runner/vm/lua/lua-bridge.js';
import { loadLuaWasm } from '../../runner/vm/lua/lua-wasm.js';
import { dumpChunks, dumpHostChunks, seedHostChunks } from '../../runner/vm/lua/sandbox.js';
import { Rig } from '../conformance/rig.js';

const rig = await Rig.load();
const lua = new LuaBridge(await loadLuaWasm(readGlueWasm(), { share: false, memoryLimitBytes: 16 * 1024 * 1024 }));

const traces = (body: string) => rig.tic(body).traces.map((t) => t.text);

it('the build dumped every host chunk a VM loads, from its source as it is now, as this Lua build dumps it', () => {
  const chunks = readHostChunks();
  assert.ok(chunks.length > 0, 'dist/runner/host-chunks.json is missing: npm run compile writes it');
  assert.deepEqual(chunks, dumpHostChunks(lua));
});

it('a VM given dumped chunks runs their bytecode instead of parsing their sources', () => {
  const [compat] = dumpHostChunks(lua);
  try {
    const [other] = dumpChunks(lua, [{ source: `${compat.source}\nseeded = 'from the bytecode'`, chunkName: '=other' }]);
    seedHostChunks([{ source: compat.source, bytecode: other.bytecode }]);
    assert.deepEqual(traces('trace(seeded)'), ['from the bytecode']);
  } finally {
    seedHostChunks([compat]);
  }
  assert.deepEqual(traces('trace(tostring(seeded))'), ['nil']);
});

it('a dumped chunk that does not load is parsed from its source instead', () => {
  const [compat] = dumpHostChunks(lua);
  try {
    seedHostChunks([{ source: compat.source, bytecode: new TextEncoder().encode('not bytecode') }]);
    assert.deepEqual(traces('trace(math.pow(2, 3))'), ['8.0']);
  } finally {
    seedHostChunks([compat]);
  }
});
