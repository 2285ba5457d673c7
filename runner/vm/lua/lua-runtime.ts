// The imports the Lua module needs, in place of wasmoon's emscripten glue: what the libraries a
// cart can reach (base, coroutine, table, string, math) use, as the glue does it: Lua's errors
// (setjmp/longjmp done with JavaScript exceptions), heap growth, the clock, output (dropped). What
// serves io, os and package, which no cart can reach, fails. Not the glue itself: its start-up (its
// virtual file system, ~170 wrappers) costs ~9 ms of CPU and 230 KB of JavaScript heap per instance,
// and loading its JavaScript ~10 ms more per VM thread; an instance on this runtime starts in ~1 ms.

/** emscripten's errno for "function not implemented". */
const ENOSYS = 52;
/** The glue's own ceiling on the heap; the patched memory maximum (the cart's cap) comes first. */
const HEAP_MAX = 2147483648;
const WASM_PAGE = 65536;
/** What a longjmp (a Lua error) throws from the wasm to the setjmp's invoke_ wrapper; one object, so nothing else is taken for it. */
const LONGJMP = new Error('a Lua error unwinding to its setjmp');

interface RuntimeExports {
  memory: WebAssembly.Memory;
  __indirect_function_table: WebAssembly.Table;
  stackSave(): number;
  stackRestore(sp: number): void;
  setThrew(threw: number, value: number): void;
}

/** Imports for `module`; `exports` gives the instance's exports once it exists. */
export function luaRuntimeImports(module: WebAssembly.Module, exports: () => RuntimeExports): WebAssembly.Imports {
  // Table slots are set once, when a function is added, and never change: each is looked up once.
  const entries: ((a: number, b: number) => void)[] = [];
  const own: Record<string, (...args: number[]) => number | void> = {
    // A longjmp (a Lua error) throws through the wasm frames to the setjmp (invoke_vii) that catches it.
    invoke_vii(index, a, b) {
      const x = exports();
      const sp = x.stackSave();
      try {
        (entries[index] ??= x.__indirect_function_table.get(index) as (a: number, b: number) => void)(a, b);
      } catch (err) {
        x.stackRestore(sp);
        if (err !== LONGJMP) throw err;
        x.setThrew(1, 0);
      }
    },
    _emscripten_throw_longjmp() {
      throw LONGJMP;
    },
    abort() {
      throw new Error('the Lua VM aborted (native code called abort())');
    },
    emscripten_resize_heap: (requested) => growHeap(exports().memory, requested >>> 0),
    emscripten_date_now: () => Date.now(),
    _emscripten_get_now_is_monotonic: () => 1,
    fd_write(_fd, iov, iovcnt, written) {
      const view = new DataView(exports().memory.buffer);
      let total = 0;
      for (let i = 0; i < iovcnt; i++) total += view.getUint32(iov + i * 8 + 4, true);
      view.setUint32(written, total, true);
      return 0;
    },
    environ_sizes_get(count, size) {
      const view = new DataView(exports().memory.buffer);
      view.setUint32(count, 0, true);
      view.setUint32(size, 0, true);
      return 0;
    },
    environ_get: () => 0,
  };
  const imports: Record<string, Record<string, (...args: number[]) => number | void>> = {};
  for (const { module: from, name } of WebAssembly.Module.imports(module)) {
    (imports[from] ??= {})[name] = own[name] ?? unavailable(from, name);
  }
  return imports;
}

/** emscripten's policy: grow by a fifth over what is asked, less on each retry, within the memory's maximum. */
function growHeap(memory: WebAssembly.Memory, requested: number): number {
  const old = memory.buffer.byteLength;
  if (requested > HEAP_MAX) return 0;
  for (let cutDown = 1; cutDown <= 4; cutDown *= 2) {
    let size = Math.min(old * (1 + 0.2 / cutDown), requested + 100663296);
    size = Math.max(requested, size);
    size = Math.min(HEAP_MAX, size + ((WASM_PAGE - (size % WASM_PAGE)) % WASM_PAGE));
    try {
      memory.grow(Math.floor((size - memory.buffer.byteLength + WASM_PAGE - 1) / WASM_PAGE));
      return 1;
    } catch {
      // past the maximum: try a smaller step
    }
  }
  return 0;
}

/** System calls return -errno, WASI calls errno; anything else is a library no cart can reach. */
function unavailable(from: string, name: string): (...args: number[]) => number {
  if (name.startsWith('__syscall_')) return () => -ENOSYS;
  if (from === 'wasi_snapshot_preview1') return () => ENOSYS;
  return () => {
    throw new Error(`the Lua VM called ${name}, which a cart's VM does not provide`);
  };
}
