-- title:  Scanline tricks
-- author: Nibble team
-- desc:   SCN rewrites palette colours per line (sky and sea gradients), BDR paints the border per row, the screen offset wobbles, vbank 1 holds a transparent HUD
-- script: lua


local t = 0

function TIC()
  t = t + 1
  vbank(0)
  cls(1)
  for i = 0, 15 do rect(0, i * 4 + 40, 240, 4, 1 + i % 2) end
  for x = 0, 239, 12 do circ((x + t) % 252 - 6, 100 + 6 * math.sin((x + t) / 15), 5, 3) end
  rect(0, 110, 240, 26, 4)
  vbank(1)
  cls(0)
  rectb(4, 4, 232, 20, 12)
  print("SCANLINE TRICKS " .. t, 10, 10, 12)
  circ(200, 90, 12, 6)
  vbank(0)
end

function SCN(line)
  -- colour 1 is a sky gradient at the top and a sea gradient below the horizon
  local a = 0x3FC0 + 3
  if line < 70 then
    poke(a, line * 2); poke(a + 1, 40 + line); poke(a + 2, 120 + line)
  else
    poke(a, 0); poke(a + 1, (line - 70) * 2); poke(a + 2, 200 - (line - 70))
  end
  poke(0x3FF9, math.floor(3 * math.sin((line + t) / 8)))
end

function BDR(row)
  poke(0x3FF8, (row // 8 + t // 4) % 16)
end

-- <WAVES>
-- 000:00000000ffffffff00000000ffffffff
-- 001:0123456789abcdeffedcba9876543210
-- 002:0123456789abcdef0123456789abcdef
-- </WAVES>

-- <PALETTE>
-- 000:1a1c2c5d275db13e53ef7d57ffcd75a7f07038b76425717929366f3b5dc941a6f673eff7f4f4f494b0c2566c86333c57
-- </PALETTE>

