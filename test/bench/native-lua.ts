// Debian's native Lua 5.4 interpreter (package lua5.4), the reference the wasm VM is compared with.
import { spawnSync } from 'node:child_process';

export const NATIVE_LUA = 'lua5.4';

export function nativeLuaAvailable(): boolean {
  return spawnSync(NATIVE_LUA, ['-v'], { encoding: 'utf8' }).status === 0;
}

/** Runs a chunk read from stdin and returns what it printed. */
export function runNativeLua(code: string, timeoutMs: number): string {
  const result = spawnSync(NATIVE_LUA, ['-'], { input: code, encoding: 'utf8', timeout: timeoutMs });
  if (result.status !== 0) throw new Error(`${NATIVE_LUA} failed: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}
