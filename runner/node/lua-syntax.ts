// Whether a cart's code compiles as Lua, checked with the same Lua VM that runs carts: an exported
// game that would only fail when played is refused at export instead, naming the file and line.
import { CartFormatError } from '../common/cart/errors.js';
import { LuaBridge } from '../vm/lua/lua-bridge.js';
import { loadLuaWasm } from '../vm/lua/lua-wasm.js';
import { readGlueWasm } from './glue-file.js';

const LUA_OK = 0;
/** Room enough to compile any cart's code (at most 512 KB of it). */
const COMPILE_MEMORY_BYTES = 64 * 1024 * 1024;

/** Throws CartFormatError, naming the file and the line, when the code does not compile as Lua. */
export async function checkLuaSyntax(code: string, fileName: string): Promise<void> {
  const wasm = await loadLuaWasm(readGlueWasm(), { share: false, memoryLimitBytes: COMPILE_MEMORY_BYTES });
  const lua = new LuaBridge(wasm);
  const L = wasm.x.luaL_newstate();
  try {
    if (lua.load(L, code, `=${fileName}`) !== LUA_OK) {
      const message = lua.toText(L, -1) ?? 'it does not compile';
      throw new CartFormatError(fileName, `its code is not Lua that compiles (${message}); fix it in the studio or with nibble run, then export again`);
    }
  } finally {
    wasm.x.lua_close(L);
  }
}
