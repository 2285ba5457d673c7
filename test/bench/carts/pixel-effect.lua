-- title:  Plasma
-- author: Nibble team
-- desc:   a full-screen plasma: every pixel computed with pix each frame
-- script: lua


local sin = math.sin
local t = 0
local row = {}

function TIC()
  t = t + 1
  local tt = t / 20
  for x = 0, 239 do row[x] = sin(x / 16 + tt) end
  for y = 0, 135 do
    local sy = sin(y / 12 - tt)
    for x = 0, 239 do
      pix(x, y, ((row[x] + sy + sin((x + y) / 24)) * 4 + 8) // 1 % 16)
    end
  end
end

-- <WAVES>
-- 000:00000000ffffffff00000000ffffffff
-- 001:0123456789abcdeffedcba9876543210
-- 002:0123456789abcdef0123456789abcdef
-- </WAVES>

-- <PALETTE>
-- 000:1a1c2c5d275db13e53ef7d57ffcd75a7f07038b76425717929366f3b5dc941a6f673eff7f4f4f494b0c2566c86333c57
-- </PALETTE>

