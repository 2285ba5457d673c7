// The host's Lua chunks as the build dumps them (runner/node/host-chunk-file.ts) and as a VM given
// them loads them (runner/vm/lua/sandbox.ts, seedHostChunks).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readGlueWasm } from '../../runner/node/glue-file.js';
import { readHostChunks } from '../../runner/node/host-chunk-file.js';
import { LuaBridge } from '../../runner/vm/lua/lua-bridge.js';
import { loadLuaWasm } from '../../runner/vm/lua/lua-wasm.js';
import { dumpHostChunks, seedHostChunks } from '../../runner/vm/lua/sandbox.js';
import { Rig } from '../conformance/rig.js';

const rig = await Rig.load();
const lua = new LuaBridge(await loadLuaWasm(readGlueWasm(), { share: false, memoryLimitBytes: 16 * 1024 * 1024 }));

/** string.dump of `source` compiled, in a Lua state of its own. */
function dumpOf(source: string): Uint8Array {
  const x = lua.x;
  const L = x.luaL_newstate();
  try {
    x.luaL_requiref(
      L,
      lua.name('_G'),
      lua.addFunction((S) => x.luaopen_base(S)),
      1,
    );
    x.luaL_requiref(
      L,
      lua.name('string'),
      lua.addFunction((S) => x.luaopen_string(S)),
      1,
    );
    x.lua_settop(L, 0);
    assert.equal(lua.load(L, 'return string.dump(assert(load(...)))', '=dump'), 0);
    lua.pushString(L, source);
    assert.equal(x.lua_pcallk(L, 1, 1, 0, 0, 0), 0, lua.toText(L, -1) ?? undefined);
    const bytecode = lua.toBytes(L, -1);
    assert.ok(bytecode);
    return bytecode;
  } finally {
    x.lua_close(L);
  }
}

const traces = (body: string) => rig.tic(body).traces.map((t) => t.text);

it('the build dumped every host chunk a VM loads, from its source as it is now, as this Lua build dumps it', () => {
  const chunks = readHostChunks();
  assert.ok(chunks.length > 0, 'dist/runner/host-chunks.json is missing: npm run compile writes it');
  assert.deepEqual(chunks, dumpHostChunks(lua));
});

it('a VM given dumped chunks runs their bytecode instead of parsing their sources', () => {
  const [compat] = dumpHostChunks(lua);
  try {
    seedHostChunks([{ source: compat.source, bytecode: dumpOf(`${compat.source}\nseeded = 'from the bytecode'`) }]);
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
