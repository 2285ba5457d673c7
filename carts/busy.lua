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
