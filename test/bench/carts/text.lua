-- title:  Text screens
-- author: Nibble team
-- desc:   a scrolling log, a table of numbers and a fixed-width status panel, all print
-- script: lua


local lines = {}
local t = 0
local words = { "north", "gate", "opened", "the", "guard", "sleeps", "potion", "found", "gold", "dragon", "key", "door" }

function TIC()
  t = t + 1
  if t % 4 == 0 then
    local s = {}
    for i = 1, 5 do s[i] = words[(t * i + i * i) % #words + 1] end
    lines[#lines + 1] = string.format("%05d %s", t, table.concat(s, " "))
    if #lines > 14 then table.remove(lines, 1) end
  end
  cls(0)
  for i = 1, #lines do print(lines[i], 2, (i - 1) * 7 + 2, 5 + i % 8) end
  rect(140, 0, 100, 136, 1)
  for r = 0, 15 do
    local y = r * 8 + 2
    print(string.format("%2d", r), 142, y, 13, true)
    for c = 0, 3 do print(string.format("%3d", (r * 7 + c * 13 + t) % 1000), 156 + c * 20, y, 4 + (r + c) % 8, true) end
  end
  print("HP 42/50  MP 7/12  LV 9", 2, 110, 12, false, 1, true)
  print("THE END IS NEAR", 2, 120, 3, false, 2)
end

-- <WAVES>
-- 000:00000000ffffffff00000000ffffffff
-- 001:0123456789abcdeffedcba9876543210
-- 002:0123456789abcdef0123456789abcdef
-- </WAVES>

-- <PALETTE>
-- 000:1a1c2c5d275db13e53ef7d57ffcd75a7f07038b76425717929366f3b5dc941a6f673eff7f4f4f494b0c2566c86333c57
-- </PALETTE>

