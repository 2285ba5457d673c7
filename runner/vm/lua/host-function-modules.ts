// The tiny WebAssembly modules that put host (JavaScript) functions in the Lua module's function
// table, written out byte by byte: each is compiled once and instantiated per function.
import type { LuaStackLayout } from './lua-layout.js';
import { leb, sleb } from './wasm-leb.js';

const MAGIC_AND_VERSION = [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
const SECTION = { type: 1, import: 2, function: 3, export: 7, code: 10 } as const;
const TYPE = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, func: 0x60 } as const;
const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  call: 0x10,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  globalGet: 0x23,
  i32Load: 0x28,
  i64Load: 0x29,
  f64Load: 0x2b,
  i32Load8U: 0x2d,
  f64Store: 0x39,
  i32Const: 0x41,
  f64Const: 0x44,
  i32Eq: 0x46,
  i32LtS: 0x48,
  i32GtS: 0x4a,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Shl: 0x74,
  i32ShrU: 0x76,
  f64ConvertI64S: 0xb9,
} as const;
/** A load's alignment hint (log2 of the bytes). */
const [ALIGN_1, ALIGN_4, ALIGN_8] = [0, 2, 3];
const F64_ZERO = [0, 0, 0, 0, 0, 0, 0, 0];
const LIMITS = { noMax: 0x00, hasMaxShared: 0x03 } as const;
/** The most a 32-bit memory can have: an imported memory's declared maximum must be at least its own. */
const MAX_PAGES = 65536;
const IMPORT_FUNC = 0x00;
const IMPORT_MEMORY = 0x02;
const IMPORT_GLOBAL = 0x03;
/** The block type of a block or loop that leaves nothing on the stack. */
const BLOCK_EMPTY = 0x40;
const EXPORT_FUNC = 0x00;

const SIGNATURE_TYPE: Record<string, number> = { i: TYPE.i32, j: TYPE.i64, f: TYPE.f32, d: TYPE.f64 };

function vector(items: number[][]): number[] {
  return [...leb(items.length), ...items.flat()];
}

function section(id: number, items: number[][]): number[] {
  const content = vector(items);
  return [id, ...leb(content.length), ...content];
}

function funcType(params: number[], results: number[]): number[] {
  return [TYPE.func, ...vector(params.map((p) => [p])), ...vector(results.map((r) => [r]))];
}

function name(text: string): number[] {
  return vector([...text].map((c) => [c.charCodeAt(0)]));
}

function moduleBytes(sections: number[][]): Uint8Array<ArrayBuffer> {
  return new Uint8Array([...MAGIC_AND_VERSION, ...sections.flat()]);
}

/**
 * What emscripten's addFunction compiles: a module that imports e.f with signature sig (emscripten's
 * letters: "vii" is void (i32, i32)) and exports it as f.
 */
export function hostFunctionBytes(sig: string): Uint8Array<ArrayBuffer> {
  const type = (c: string) => {
    const code = SIGNATURE_TYPE[c];
    if (code === undefined) throw new Error(`unknown signature character ${c} in ${sig}`);
    return code;
  };
  const params = [...sig.slice(1)].map(type);
  const results = sig[0] === 'v' ? [] : [type(sig[0])];
  return moduleBytes([
    section(SECTION.type, [funcType(params, results)]),
    section(SECTION.import, [[...name('e'), ...name('f'), IMPORT_FUNC, 0]]),
    section(SECTION.export, [[...name('f'), EXPORT_FUNC, 0]]),
  ]);
}

/** The most arguments a number-argument function reads in wasm; the scratch holds this many doubles. */
export const NUMBER_ARGS_MAX = 8;

/** Refuses a number-argument function of more arguments than the scratch holds, however it reads them. */
export function checkNumberArgsArity(arity: number): void {
  if (arity > NUMBER_ARGS_MAX) throw new RangeError(`a number-argument function reads at most ${NUMBER_ARGS_MAX} arguments, not ${arity}`);
}

/**
 * A lua_CFunction, int (lua_State *L), that reads its first n.arity arguments (at most
 * NUMBER_ARGS_MAX) as numbers in wasm, stores them as doubles at n.scratch in the Lua module's
 * memory and calls the imported j.body(L, top) (top: the argument count), whose int result it
 * returns. A float or integer argument is read from the Lua stack, laid out as `stack` says; any
 * other value through the imported l.tonumberx, the Lua module's own lua_tonumberx (a string that
 * reads as a number is one); an argument past the top reads as 0, as lua_tonumberx reads none. A
 * pix then costs one call from Lua into JavaScript, where it cost that and four calls back into
 * wasm, each of them dearer than the pixel. One module serves every arity (V8 compiles the call
 * into JavaScript once per module and signature), and the doubles reach JavaScript unboxed.
 */
export function numberArgsFunctionBytes(sharedMemory: boolean, stack: LuaStackLayout): Uint8Array<ArrayBuffer> {
  const [cFunctionType, toNumberType, bodyType] = [0, 1, 2];
  const [tonumberx, bodyFn, exported] = [0, 1, 2];
  const [arityGlobal, scratchGlobal] = [0, 1];
  const [L, func, top, slot, tag, i, out] = [0, 1, 2, 3, 4, 5, 6];
  const { stateTop, stateCi, ciFunc, slotLog2, slotTag, floatTag, intTag } = stack;
  const load = (op: number, align: number, offset: number) => [op, align, ...leb(offset)];
  const i32 = (value: number) => [OP.i32Const, ...sleb(value)];
  const code = [
    // func = L->ci->func; top = (L->top - func) / slot size - 1
    ...[OP.localGet, L, ...load(OP.i32Load, ALIGN_4, stateCi), ...load(OP.i32Load, ALIGN_4, ciFunc), OP.localSet, func],
    ...[OP.localGet, L, ...load(OP.i32Load, ALIGN_4, stateTop), OP.localGet, func, OP.i32Sub, ...i32(slotLog2), OP.i32ShrU, ...i32(1), OP.i32Sub],
    ...[OP.localSet, top],
    // for (i = 1, out = scratch; i <= arity; i++, out += 8)
    ...[...i32(1), OP.localSet, i, OP.globalGet, scratchGlobal, OP.localSet, out],
    ...[OP.block, BLOCK_EMPTY, OP.loop, BLOCK_EMPTY, OP.localGet, i, OP.globalGet, arityGlobal, OP.i32GtS, OP.brIf, 1, OP.localGet, out],
    // *out = top < i ? 0 : the float, the integer as a float, or lua_tonumberx(L, i, NULL)
    ...[OP.localGet, top, OP.localGet, i, OP.i32LtS, OP.if, TYPE.f64, OP.f64Const, ...F64_ZERO, OP.else],
    ...[OP.localGet, func, OP.localGet, i, ...i32(slotLog2), OP.i32Shl, OP.i32Add, OP.localTee, slot],
    ...[...load(OP.i32Load8U, ALIGN_1, slotTag), OP.localTee, tag],
    ...[...i32(floatTag), OP.i32Eq, OP.if, TYPE.f64, OP.localGet, slot, ...load(OP.f64Load, ALIGN_8, 0), OP.else],
    ...[OP.localGet, tag, ...i32(intTag), OP.i32Eq, OP.if, TYPE.f64, OP.localGet, slot, ...load(OP.i64Load, ALIGN_8, 0), OP.f64ConvertI64S, OP.else],
    ...[OP.localGet, L, OP.localGet, i, ...i32(0), OP.call, tonumberx, OP.end, OP.end, OP.end],
    ...[...load(OP.f64Store, ALIGN_8, 0)],
    ...[OP.localGet, i, ...i32(1), OP.i32Add, OP.localSet, i, OP.localGet, out, ...i32(8), OP.i32Add, OP.localSet, out, OP.br, 0, OP.end, OP.end],
    ...[OP.localGet, L, OP.localGet, top, OP.call, bodyFn, OP.end],
  ];
  // One group of locals: six i32 (func, top, slot, tag, i, out).
  const functionBody = [1, 6, TYPE.i32, ...code];
  const memoryLimits = sharedMemory ? [LIMITS.hasMaxShared, 0, ...leb(MAX_PAGES)] : [LIMITS.noMax, 0];
  const immutableI32 = [TYPE.i32, 0];
  return moduleBytes([
    section(SECTION.type, [funcType([TYPE.i32], [TYPE.i32]), funcType([TYPE.i32, TYPE.i32, TYPE.i32], [TYPE.f64]), funcType([TYPE.i32, TYPE.i32], [TYPE.i32])]),
    section(SECTION.import, [
      [...name('l'), ...name('memory'), IMPORT_MEMORY, ...memoryLimits],
      [...name('l'), ...name('tonumberx'), IMPORT_FUNC, toNumberType],
      [...name('j'), ...name('body'), IMPORT_FUNC, bodyType],
      [...name('n'), ...name('arity'), IMPORT_GLOBAL, ...immutableI32],
      [...name('n'), ...name('scratch'), IMPORT_GLOBAL, ...immutableI32],
    ]),
    section(SECTION.function, [[cFunctionType]]),
    section(SECTION.export, [[...name('f'), EXPORT_FUNC, exported]]),
    section(SECTION.code, [[...leb(functionBody.length), ...functionBody]]),
  ]);
}
