// Classic Lua benchmark programs, small enough to take a few hundred ms in wasm. Each body defines
// a local function bench() that returns a checksum, so every configuration is seen to compute the
// same thing. They use only what a cart's sandbox offers (math, string, table).

export interface LuaProgram {
  name: string;
  about: string;
  body: string;
}

export const LUA_PROGRAMS: LuaProgram[] = [
  {
    name: 'fib',
    about: 'recursive fib(32): Lua function calls',
    body: `
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
local function bench() return fib(32) end
`,
  },
  {
    name: 'nbody',
    about: 'n-body, 5 bodies, 60,000 steps: float arithmetic and table fields',
    body: `
local SOLAR = 4 * math.pi * math.pi
local DAYS = 365.24
local sqrt = math.sqrt
local function bench()
  local bodies = {
    {0, 0, 0, 0, 0, 0, SOLAR},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03 * DAYS, 7.69901118419740425e-03 * DAYS, -6.90460016972063023e-05 * DAYS, 9.54791938424326609e-04 * SOLAR},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03 * DAYS, 4.99852801234917238e-03 * DAYS, 2.30417297573763929e-05 * DAYS, 2.85885980666130812e-04 * SOLAR},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03 * DAYS, 2.37847173959480950e-03 * DAYS, -2.96589568540237556e-05 * DAYS, 4.36624404335156298e-05 * SOLAR},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03 * DAYS, 1.62824170038242295e-03 * DAYS, -9.51592254519715870e-05 * DAYS, 5.15138902046611451e-05 * SOLAR},
  }
  local n = #bodies
  local px, py, pz = 0, 0, 0
  for i = 1, n do
    local b = bodies[i]
    px, py, pz = px + b[4] * b[7], py + b[5] * b[7], pz + b[6] * b[7]
  end
  bodies[1][4], bodies[1][5], bodies[1][6] = -px / SOLAR, -py / SOLAR, -pz / SOLAR
  for _ = 1, 60000 do
    for i = 1, n do
      local a = bodies[i]
      local ax, ay, az, am = a[1], a[2], a[3], a[7]
      for j = i + 1, n do
        local b = bodies[j]
        local dx, dy, dz = ax - b[1], ay - b[2], az - b[3]
        local d2 = dx * dx + dy * dy + dz * dz
        local mag = 0.01 / (d2 * sqrt(d2))
        local bm, m = b[7] * mag, am * mag
        a[4], a[5], a[6] = a[4] - dx * bm, a[5] - dy * bm, a[6] - dz * bm
        b[4], b[5], b[6] = b[4] + dx * m, b[5] + dy * m, b[6] + dz * m
      end
    end
    for i = 1, n do
      local b = bodies[i]
      b[1], b[2], b[3] = b[1] + 0.01 * b[4], b[2] + 0.01 * b[5], b[3] + 0.01 * b[6]
    end
  end
  local e = 0
  for i = 1, n do
    local a = bodies[i]
    e = e + 0.5 * a[7] * (a[4] * a[4] + a[5] * a[5] + a[6] * a[6])
    for j = i + 1, n do
      local b = bodies[j]
      local dx, dy, dz = a[1] - b[1], a[2] - b[2], a[3] - b[3]
      e = e - a[7] * b[7] / sqrt(dx * dx + dy * dy + dz * dz)
    end
  end
  return string.format('%.9f', e)
end
`,
  },
  {
    name: 'spectral_norm',
    about: 'spectral norm of a 250x250 matrix, 10 iterations: nested loops, float division',
    body: `
local function A(i, j)
  local ij = i + j - 1
  return 1.0 / (ij * (ij - 1) * 0.5 + i)
end
local function Av(x, y, n)
  for i = 1, n do
    local a = 0
    for j = 1, n do a = a + x[j] * A(i, j) end
    y[i] = a
  end
end
local function Atv(x, y, n)
  for i = 1, n do
    local a = 0
    for j = 1, n do a = a + x[j] * A(j, i) end
    y[i] = a
  end
end
local function bench()
  local n = 250
  local u, v, t = {}, {}, {}
  for i = 1, n do u[i] = 1 end
  for _ = 1, 10 do
    Av(u, t, n); Atv(t, v, n)
    Av(v, t, n); Atv(t, u, n)
  end
  local vBv, vv = 0, 0
  for i = 1, n do vBv, vv = vBv + u[i] * v[i], vv + v[i] * v[i] end
  return string.format('%.9f', math.sqrt(vBv / vv))
end
`,
  },
  {
    name: 'fannkuch',
    about: 'fannkuch-redux(9): integer arrays, permutations',
    body: `
local function bench()
  local n = 9
  local perm, perm1, count = {}, {}, {}
  local maxFlips, checksum, sign = 0, 0, 1
  for i = 0, n - 1 do perm1[i] = i end
  local r = n
  while true do
    while r ~= 1 do count[r - 1] = r; r = r - 1 end
    for i = 0, n - 1 do perm[i] = perm1[i] end
    local flips = 0
    local k = perm[0]
    while k ~= 0 do
      local i, j = 0, k
      while i < j do perm[i], perm[j] = perm[j], perm[i]; i = i + 1; j = j - 1 end
      flips = flips + 1
      k = perm[0]
    end
    if flips > maxFlips then maxFlips = flips end
    checksum = checksum + sign * flips
    sign = -sign
    while true do
      if r == n then return checksum .. '/' .. maxFlips end
      local p0 = perm1[0]
      for i = 0, r - 1 do perm1[i] = perm1[i + 1] end
      perm1[r] = p0
      count[r] = count[r] - 1
      if count[r] > 0 then break end
      r = r + 1
    end
  end
end
`,
  },
  {
    name: 'binary_trees',
    about: 'binary-trees, depth 13: table allocation and garbage collection',
    body: `
local function make(d)
  if d == 0 then return {} end
  d = d - 1
  return {make(d), make(d)}
end
local function check(t)
  if t[1] then return 1 + check(t[1]) + check(t[2]) end
  return 1
end
local function bench()
  local maxDepth = 13
  local total = check(make(maxDepth + 1))
  local long = make(maxDepth)
  for d = 4, maxDepth, 2 do
    for _ = 1, 1 << (maxDepth - d + 4) do total = total + check(make(d)) end
  end
  return total + check(long)
end
`,
  },
];

/** Untimed runs first: the wasm VM's hot code gets compiled by V8's optimizing tier meanwhile. */
export const WARMUP_RUNS = 2;
export const TIMED_RUNS = 5;

/**
 * Lua text that defines the global bench_once(), which runs the program's bench() once between two
 * clock() readings and returns "checksum;ms". Each configuration calls it WARMUP_RUNS + TIMED_RUNS
 * times, each time from the host (a frame, a chunk), never in a loop inside Lua: V8 swaps in
 * optimized wasm code only when a function is entered anew, and the Lua VM's interpreter loop is
 * entered once per call from the host.
 */
export function timedProgram(program: LuaProgram, clockExpr: string): string {
  return `${program.body}
local clock = ${clockExpr}
function bench_once()
  local t0 = clock()
  local result = bench()
  return string.format('%s;%.3f', tostring(result), clock() - t0)
end
`;
}

export interface ProgramTiming {
  checksum: string;
  /** Timed runs only. */
  ms: number[];
}

/** Reads the reports of all runs, warm-up runs first; every run must give the same checksum. */
export function parseTiming(program: LuaProgram, reports: string[]): ProgramTiming {
  const runs = reports.map((report) => {
    const [checksum, ms] = report.split(';');
    if (checksum === undefined || ms === undefined) throw new Error(`${program.name}: unexpected report "${report}"`);
    return { checksum, ms: Number(ms) };
  });
  if (runs.length !== WARMUP_RUNS + TIMED_RUNS) throw new Error(`${program.name}: expected ${WARMUP_RUNS + TIMED_RUNS} runs, got ${runs.length}`);
  const checksums = new Set(runs.map((r) => r.checksum));
  if (checksums.size !== 1) throw new Error(`${program.name}: runs computed different results: ${[...checksums].join(', ')}`);
  return { checksum: runs[0].checksum, ms: runs.slice(WARMUP_RUNS).map((r) => r.ms) };
}
