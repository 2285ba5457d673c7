-- title:  Vector 3D
-- author: Nibble team
-- desc:   two rotating shapes: a filled, shaded icosahedron-like solid and a wireframe torus, with a starfield
-- script: lua


local sin, cos = math.sin, math.cos
local t = 0
local stars = {}
local solid, faces = {}, {}
local torus, edges = {}, {}

function BOOT()
  for i = 1, 100 do stars[i] = { (i * 97) % 240, (i * 61) % 136, i % 3 + 1 } end
  local n = 12
  for i = 0, n - 1 do
    local a = i / n * 2 * math.pi
    solid[#solid + 1] = { cos(a), sin(a), 0.5 }
    solid[#solid + 1] = { cos(a + 0.26), sin(a + 0.26), -0.5 }
  end
  solid[#solid + 1] = { 0, 0, 1.3 }
  solid[#solid + 1] = { 0, 0, -1.3 }
  for i = 0, n - 1 do
    local a, b = 2 * i + 1, 2 * ((i + 1) % n) + 1
    faces[#faces + 1] = { a, b, a + 1 }
    faces[#faces + 1] = { b, b + 1, a + 1 }
    faces[#faces + 1] = { 2 * n + 1, b, a }
    faces[#faces + 1] = { 2 * n + 2, a + 1, b + 1 }
  end
  local R, r, m, k = 1, 0.4, 16, 8
  for i = 0, m - 1 do
    for j = 0, k - 1 do
      local u, v = i / m * 2 * math.pi, j / k * 2 * math.pi
      torus[#torus + 1] = { (R + r * cos(v)) * cos(u), (R + r * cos(v)) * sin(u), r * sin(v) }
      local me = i * k + j + 1
      edges[#edges + 1] = { me, ((i + 1) % m) * k + j + 1 }
      edges[#edges + 1] = { me, i * k + (j + 1) % k + 1 }
    end
  end
end

local function project(p, ax, ay, cx, cy, scale, out)
  local x, y, z = p[1], p[2], p[3]
  local y2 = y * cos(ax) - z * sin(ax)
  local z2 = y * sin(ax) + z * cos(ax)
  local x3 = x * cos(ay) + z2 * sin(ay)
  local z3 = -x * sin(ay) + z2 * cos(ay)
  local w = scale / (z3 + 4)
  out[1], out[2], out[3] = cx + x3 * w, cy + y2 * w, z3
end

local ps, pt = {}, {}
function TIC()
  t = t + 1
  cls(0)
  for i = 1, #stars do
    local s = stars[i]
    s[1] = (s[1] - s[3]) % 240
    pix(s[1], s[2], 12 + s[3])
  end
  for i = 1, #solid do ps[i] = ps[i] or {}; project(solid[i], t / 50, t / 70, 70, 68, 160, ps[i]) end
  local order = {}
  for i = 1, #faces do
    local f = faces[i]
    local a, b, c = ps[f[1]], ps[f[2]], ps[f[3]]
    local cross = (b[1] - a[1]) * (c[2] - a[2]) - (b[2] - a[2]) * (c[1] - a[1])
    if cross < 0 then order[#order + 1] = { (a[3] + b[3] + c[3]), f } end
  end
  table.sort(order, function(p, q) return p[1] > q[1] end)
  for i = 1, #order do
    local f = order[i][2]
    local a, b, c = ps[f[1]], ps[f[2]], ps[f[3]]
    tri(a[1], a[2], b[1], b[2], c[1], c[2], 8 + i % 4)
    trib(a[1], a[2], b[1], b[2], c[1], c[2], 12)
  end
  for i = 1, #torus do pt[i] = pt[i] or {}; project(torus[i], t / 40, t / 30, 175, 68, 170, pt[i]) end
  for i = 1, #edges do
    local a, b = pt[edges[i][1]], pt[edges[i][2]]
    line(a[1], a[2], b[1], b[2], a[3] < 0 and 11 or 5)
  end
  circb(175, 68, 10 + t % 30, 3)
end

-- <WAVES>
-- 000:00000000ffffffff00000000ffffffff
-- 001:0123456789abcdeffedcba9876543210
-- 002:0123456789abcdef0123456789abcdef
-- </WAVES>

-- <PALETTE>
-- 000:1a1c2c5d275db13e53ef7d57ffcd75a7f07038b76425717929366f3b5dc941a6f673eff7f4f4f494b0c2566c86333c57
-- </PALETTE>

