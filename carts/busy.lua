-- title:  Busy
-- author: Nibble team
-- desc:   a frame that never ends: press Break to see where it is, Resume to go on, Stop to end it
-- script: lua

spins = 0

function TIC()
  cls(1)
  print("press Run, then Break", 60, 60, 12)
  local label = "spinning"
  while true do
    spins = spins + 1
  end
end

-- <PALETTE>
-- 000:1a1c2c5d275db13e53ef7d57ffcd75a7f07038b76425717929366f3b5dc941a6f673eff7f4f4f494b0c2566c86333c57
-- </PALETTE>

