-- title:  Hello Nibble
-- author: Nibble team
-- desc:   text, shapes and time
-- script: lua

t = 0

function TIC()
  cls(8)
  for i = 0, 15 do
    local a = t / 30 + i * math.pi / 8
    circ(120 + math.cos(a) * 50, 68 + math.sin(a) * 30, 4, i)
  end
  local w = print("HELLO NIBBLE", 0, -10, 12, false, 2)
  print("HELLO NIBBLE", (240 - w) // 2, 62, 12, false, 2)
  rectb(0, 0, 240, 136, 12)
  print(string.format("frame %d  %.1fs", t, time() / 1000), 4, 128, 13, true, 1, true)
  t = t + 1
end

-- <PALETTE>
-- 000:1a1c2c5d275db13e53ef7d57ffcd75a7f07038b76425717929366f3b5dc941a6f673eff7f4f4f494b0c2566c86333c57
-- </PALETTE>

