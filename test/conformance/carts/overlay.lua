-- title:   Nibble conformance: overlay
-- author:  Nibble
-- desc:    vbank 1 through OVR with its own palette, BDR raster bars, SCN palette bands, textri, paint, font, clip, remapped map and the screen offset; rendered at a fixed frame for the golden test
-- script:  lua

local t = 0

-- Glyphs for font(): letters drawn into the sprites sheet at 256 + char code, 6 x 7 blocks.
local GLYPHS = {
  N = {"#...#", "##..#", "#.#.#", "#..##", "#...#"},
  I = {"###", ".#.", ".#.", ".#.", "###"},
  B = {"####.", "#...#", "####.", "#...#", "####."},
  L = {"#....", "#....", "#....", "#....", "#####"},
  E = {"#####", "#....", "####.", "#....", "#####"},
}

local function setTexel(sprite, x, y, c)
  poke4((0x4000 + sprite * 32) * 2 + y * 8 + x, c)
end

function BOOT()
  for ch, rows in pairs(GLYPHS) do
    for y, row in ipairs(rows) do
      for x = 1, #row do
        if row:sub(x, x) == "#" then setTexel(256 + ch:byte(), x - 1, y, 11) end
      end
    end
  end
  -- Tile 1: a diagonal gradient for textri; tiles 2 and 3: water frames for the remapped map.
  for y = 0, 7 do
    for x = 0, 7 do
      setTexel(1, x, y, 8 + (x + y) // 2)
      setTexel(2, x, y, (x + y) % 4 == 0 and 12 or 10)
      setTexel(3, x, y, (x - y) % 4 == 0 and 12 or 9)
      setTexel(4, x, y, (x == 0 or y == 0) and 15 or ((x * y) % 3 == 0 and 4 or 3))
    end
  end
  for x = 0, 29 do
    mset(x, 14, 2)
    mset(x, 15, 4)
    mset(x, 16, 4)
  end
end

function TIC()
  t = t + 1
  cls(8)
  -- A spinning textured quad from the deprecated textri.
  local a = t * 0.07
  local cx, cy, r = 60, 50, 28
  local p = {}
  for i = 0, 3 do
    local ang = a + i * math.pi / 2
    p[i + 1] = {cx + math.cos(ang) * r, cy + math.sin(ang) * r}
  end
  textri(p[1][1], p[1][2], p[2][1], p[2][2], p[3][1], p[3][2], 8, 0, 16, 0, 16, 8)
  textri(p[1][1], p[1][2], p[3][1], p[3][2], p[4][1], p[4][2], 8, 0, 16, 8, 8, 8)

  -- A ring filled with paint, and a box whose outside is painted up to its border.
  circb(150, 45, 20, 12)
  paint(150, 45, 2)
  rectb(190, 20, 40, 50, 12)
  line(190, 20, 229, 69, 12)
  paint(200, 60, 5, 12)

  -- Clipped circles.
  clip(100, 80, 60, 30)
  for i = 0, 4 do circ(100 + i * 15, 95, 12, 1 + i) end
  clip()

  -- The map with its water row animated by remap; the palette map swaps one colour.
  map(0, 14, 30, 3, 0, 112, -1, 1, function(tile, x, y)
    if tile == 2 then return ((x + t // 10) % 2 == 0) and 2 or 3, 0, 0 end
    return tile, x % 2, 0
  end)

  font("NIBBLE", 10, 90, 0, 7, 8)
  poke4(0x3FF0 * 2 + 11, 3)
  font("NIBBLE", 10, 100, 0, 7, 8, false, 1)
  poke4(0x3FF0 * 2 + 11, 11)

  spr(1, 180, 85, -1, 3, 1, 1)
  -- A little shake through the screen offset.
  poke(0x3FF9, t % 3 - 1)
end

-- The HUD: vbank 1, its own palette (loaded from the cart), colour 0 transparent.
function OVR()
  rect(0, 0, 240, 9, 1)
  print("OVERLAY " .. t, 2, 2, 2, true, 1, true)
  print("HUD", 200, 2, 3, false, 1)
  rectb(178, 82, 30, 30, 2)
end

-- Raster bars in the border.
function BDR(row)
  poke(0x3FF8, (row // 6 + t) % 3 == 0 and 1 or 0)
end

-- Horizontal bands: colour 8 (the background) shifts with the line.
function SCN(row)
  poke(0x3FC0 + 8 * 3 + 2, 0x6f + math.floor(math.sin((row + t) / 8) * 40))
end

-- <PALETTE>
-- 000:1a1c2c5d275db13e53ef7d57ffcd75a7f07038b76425717929366f3b5dc941a6f673eff7f4f4f494b0c2566c86333c57
-- 001:000000202020f4f4f4ffcd75000000000000000000000000000000000000000000000000000000000000000000000000
-- </PALETTE>
