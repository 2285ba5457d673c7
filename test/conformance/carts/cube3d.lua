-- title:   Nibble conformance: textured cube
-- author:  Nibble
-- desc:    ttri with perspective-correct depth from the sprite sheet and the map, shapes and print; rendered at a fixed frame for the golden test
-- script:  lua

local t = 0
local CAM_Z = 5.5
local FOCAL = 100
local CX, CY = 120, 62

-- Cube corners and faces (corner indices, counter-clockwise seen from outside) with their texture origin in the sheet.
local corners = {
  {-1, -1, -1}, {1, -1, -1}, {1, 1, -1}, {-1, 1, -1},
  {-1, -1, 1}, {1, -1, 1}, {1, 1, 1}, {-1, 1, 1},
}
local faces = {
  {1, 2, 3, 4, 0, 0}, {6, 5, 8, 7, 16, 0}, {5, 1, 4, 8, 32, 0},
  {2, 6, 7, 3, 0, 16}, {5, 6, 2, 1, 16, 16}, {4, 3, 7, 8, 32, 16},
}

-- 16 x 16 textures in tiles 0-5 (sheet columns 0-47, rows 0-31): checks, stripes and rings.
local function texel(face, x, y)
  if face == 1 then return ((x // 4 + y // 4) % 2 == 0) and 2 or 3 end
  if face == 2 then return (y // 2) % 2 == 0 and 9 or 10 end
  if face == 3 then return (x // 2) % 2 == 0 and 5 or 6 end
  if face == 4 then return ((x - 7.5) ^ 2 + (y - 7.5) ^ 2 < 30) and 4 or 1 end
  if face == 5 then return (x + y) % 5 < 2 and 11 or 8 end
  return (x == 0 or y == 0 or x == 15 or y == 15) and 12 or 13
end

function BOOT()
  for f = 1, 6 do
    local tu, tv = faces[f][5], faces[f][6]
    for y = 0, 15 do
      for x = 0, 15 do
        local u, v = tu + x, tv + y
        local tile = (v // 8) * 16 + u // 8
        poke4((0x4000 + tile * 32) * 2 + (v % 8) * 8 + u % 8, texel(f, x, y))
      end
    end
  end
  -- Floor texture: map cells alternate between two solid tiles (tiles 32 and 33).
  for i = 0, 63 do
    poke4((0x4000 + 32 * 32) * 2 + i, 7)
    poke4((0x4000 + 33 * 32) * 2 + i, 14)
  end
  for y = 0, 15 do for x = 0, 15 do mset(x, y, (x + y) % 2 == 0 and 32 or 33) end end
end

local function project(x, y, z)
  local zz = z + CAM_Z
  return CX + x * FOCAL / zz, CY + y * FOCAL / zz, zz
end

local function rotate(p, a, b)
  local x, y, z = p[1], p[2], p[3]
  local ca, sa, cb, sb = math.cos(a), math.sin(a), math.cos(b), math.sin(b)
  x, z = x * ca - z * sa, x * sa + z * ca
  y, z = y * cb - z * sb, y * sb + z * cb
  return x, y, z
end

local function drawFloor()
  -- Four floor corners at y = 1.6, textured from the map, depth-tested like the cube.
  local q = {}
  for i, c in ipairs({{-3, -2}, {3, -2}, {3, 3}, {-3, 3}}) do
    local x, y, z = project(c[1], 1.6, c[2])
    q[i] = {x, y, z, (c[1] + 3) * 16, (c[2] + 2) * 16}
  end
  local function half(a, b, c)
    ttri(a[1], a[2], b[1], b[2], c[1], c[2], a[4], a[5], b[4], b[5], c[4], c[5], 1, -1, a[3], b[3], c[3])
  end
  half(q[1], q[2], q[3])
  half(q[1], q[3], q[4])
  trib(q[1][1], q[1][2], q[2][1], q[2][2], q[3][1], q[3][2], 15)
end

function TIC()
  t = t + 1
  cls(0)
  rect(0, 0, 240, 40, 8)
  circ(200, 20, 12, 4)
  circb(200, 20, 14, 3)
  line(0, 40, 239, 40, 9)
  drawFloor()
  elli(CX, 90, 26, 5, 15)
  local a, b = t * 0.05, 0.5 + math.sin(t * 0.03) * 0.3
  local p = {}
  for i, c in ipairs(corners) do
    local x, y, z = rotate(c, a, b)
    p[i] = {project(x, y, z)}
  end
  for _, f in ipairs(faces) do
    local v = {p[f[1]], p[f[2]], p[f[3]], p[f[4]]}
    local u0, v0 = f[5], f[6]
    local uv = {{u0, v0}, {u0 + 16, v0}, {u0 + 16, v0 + 16}, {u0, v0 + 16}}
    for _, k in ipairs({{1, 2, 3}, {1, 3, 4}}) do
      local A, B, C = v[k[1]], v[k[2]], v[k[3]]
      local ua, ub, uc = uv[k[1]], uv[k[2]], uv[k[3]]
      ttri(A[1], A[2], B[1], B[2], C[1], C[2], ua[1], ua[2], ub[1], ub[2], uc[1], uc[2], 0, -1, A[3], B[3], C[3])
    end
  end
  tri(10, 130, 30, 110, 50, 130, 6)
  rectb(2, 2, 72, 11, 12)
  print("TTRI + DEPTH", 5, 5, 12)
  print(string.format("angle %.2f", a), 170, 128, 13, true, 1, true)
end

-- <PALETTE>
-- 000:1a1c2c5d275db13e53ef7d57ffcd75a7f07038b76425717929366f3b5dc941a6f673eff7f4f4f494b0c2566c86333c57
-- </PALETTE>
