-- title:  Input test
-- author: Nibble team
-- desc:   move with the arrows, Z and X change colour; the mouse draws
-- script: lua
-- input:  gamepad

x, y, c = 116, 64, 12
trail = {}

function TIC()
  if btn(0) then y = y - 1 end
  if btn(1) then y = y + 1 end
  if btn(2) then x = x - 1 end
  if btn(3) then x = x + 1 end
  if btnp(4) then c = (c + 1) % 16 end
  if btnp(5) then c = (c - 1) % 16 end
  x = math.max(0, math.min(232, x))
  y = math.max(0, math.min(128, y))

  local mx, my, left = mouse()
  if left then trail[#trail + 1] = { mx, my } end
  if #trail > 200 then table.remove(trail, 1) end

  cls(0)
  for _, p in ipairs(trail) do pix(p[1], p[2], 9) end
  rect(x, y, 8, 8, c)
  print("arrows move, Z/X colour, mouse draws", 4, 4, 13, false, 1, true)
  print(string.format("x=%d y=%d colour=%d", x, y, c), 4, 12, 12, true, 1, true)
  print(string.format("mouse %d,%d %s", mx, my, left and "down" or "up"), 4, 20, 12, true, 1, true)
  if key() then print("a key is down", 4, 28, 4, false, 1, true) end
end

-- <PALETTE>
-- 000:1a1c2c5d275db13e53ef7d57ffcd75a7f07038b76425717929366f3b5dc941a6f673eff7f4f4f494b0c2566c86333c57
-- </PALETTE>

