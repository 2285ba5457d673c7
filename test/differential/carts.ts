// Carts of our own for the differential suite, one per area of the API. Each draws something that
// changes with time, so frames 1, 60 and 600 all show different work.

/** BOOT: a sprite sheet of stripes and dots (both banks), a map of varied tiles and flags. */
const SETUP = `
function BOOT()
  for i = 0, 0x3fff do poke(0x4000 + i, (i * 37 + (i >> 5) * 11) % 256) end
  for i = 0, 15 do poke4(0x8000 + i, 0) end
  for y = 0, 135 do for x = 0, 239 do mset(x, y, (x * 7 + y * 13) % 256) end end
  for i = 0, 511 do fset(i, i % 8, true) end
end
`;

const cart = (body: string) => `-- script: lua\n${SETUP}\n${body}`;

export const CARTS: Record<string, string> = {
  shapes: cart(`
function TIC()
  local t = time() / 1000
  cls(1)
  for i = 0, 15 do
    local a = t + i * 0.4
    rect(10 + i * 14, 10 + math.sin(a) * 8, 10.7, -3 + i, i)
    rectb(5 + i * 14.5, 30, 12, 9.9, 15 - i)
    circ(20 + i * 13, 60 + math.cos(a) * 10, i % 6 - 1, i)
    circb(20 + i * 13, 85, i % 5 + 0.5, 15 - i)
    elli(30 + i * 12, 105, i % 7, 3.5, i)
    ellib(30 + i * 12, 122, 3, i % 4, i + 2)
    line(i * 15.3, 0.5, 239.2 - i * 7, 135.7 * math.abs(math.sin(a)), i)
    pix(i * 3.7, 130.2, i)
  end
  tri(120 + math.sin(t) * 100, 20.25, 40.5, 130, 200.75 + math.cos(t) * 30, 120.5, 6)
  trib(10.5, 10.5, 230, 60.2 + math.sin(t) * 50, 60.7, 130, 12)
  clip(50.5, 40, 100, 50.9)
  circ(120, 68, 60, 9)
  paint(120, 68, 3)
  clip()
  paint(0, 0, 14, 6)
  -- x + w wraps in s32: the right edge is the screen's.
  clip(1e10, 48, -1, 30)
  rect(0, 0, 240, 136, 5)
  clip()
end
`),
  sprites: cart(`
function TIC()
  local t = time() // 100
  cls(0)
  for i = 0, 11 do
    spr(i * 37 + t, i * 20, 2, i % 16, 1 + i % 3, i % 4, (i + t) % 4)
    spr(256 + i * 5, i * 20, 40, { i, (i + 5) % 16 }, 1, t % 4, i % 4, 2, 2)
    spr(-1 + i, i * 20, 80, -1, 2, 0, 0, 1, 2)
  end
  map(t % 240, t // 7, 12, 4, 0, 100, { 0, 3 }, 1, function(tile, x, y) return tile + x, (x + y) % 4, y % 4 end)
  map(3, 4, 5, 5, 160 - t % 50, 95, 1, 2)
  print(mget(t % 240, 3) .. " " .. tostring(fget(t % 512, 2)), 200, 130, 12)
end
`),
  text: cart(`
function TIC()
  local t = time() // 100
  cls(2)
  local w = print("Hello, TIC-80! " .. t, 2.5, 2, t % 16)
  print("fixed " .. w, 2, 12, 11, true)
  print("SMALL font\\nsecond line", 2, 22, 10, false, 1, true)
  print("x" .. t, 2, 40, 9, false, 3)
  print(12.5, 100, 40, 8, true, 2, true)
  print("ABCdef{}|~", 2, 62, 7, false, 2)
  font("FONT " .. t, 2, 80, 0, 8, 8, false, 1)
  font("Wide", 2, 92, { 1 }, 6, 4, true, 2, true)
  font("alt", 120, 92, 5, 5, 5, false, 1, true)
end
`),
  scanlines: cart(`
function TIC()
  local t = time() / 1000
  cls(0)
  for i = 0, 15 do rect(i * 15, 0, 15, 136, i) end
  print("SCN BDR OVR " .. (t // 1), 60, 60, 12)
end
function SCN(row)
  poke(0x3fc0 + 3, (row * 2 + time() // 50) % 256)
  poke(0x3ff9, row % 8 == 0 and 3 or 0)
end
function BDR(row)
  poke(0x3ff8, (row // 9 + time() // 500) % 16)
  poke(0x3fc0, row * 3 % 256)
end
function OVR()
  circ(120, 68 + math.sin(time() / 300) * 30, 20, 12)
  print("overlay", 100, 10, 4)
end
`),
  'vbank and palette map': cart(`
function TIC()
  local t = time() // 100
  vbank(1)
  cls(0)
  poke(0x3ff8, 0)
  circ(120 + t % 60, 68, 30, 5)
  rect(0, 0, 40, 40, 0)
  print("vbank 1", 150, 120, 15)
  poke(0x3fc0 + 5 * 3, (t * 8) % 256)
  vbank(0)
  cls(3)
  poke(0x3ff8, 9)
  for i = 0, 7 do poke4(0x3ff0 * 2 + i, (i * 3 + t) % 16) end
  for i = 0, 15 do rect(i * 15, 20, 15, 40, i) end
  spr(4, 10, 80, -1, 3)
  for i = 0, 7 do poke4(0x3ff0 * 2 + i, i) end
  print(vbank(0) .. pix(130, 68) .. peek(0x3ffc), 4, 120, 12)
  poke(0x3ffa, t % 5)
end
`),
  textures: cart(`
function TIC()
  local t = time() / 1000
  cls(0)
  local c, s = math.cos(t) * 50, math.sin(t) * 50
  ttri(60 + c, 68 + s, 60 - s, 68 + c, 60 - c, 68 - s, 0, 0, 64, 0, 0, 64, 0, 0)
  ttri(180, 10, 230, 60, 140, 70 + s / 2, 8, 8, 120, 16, 30, 100, 1, { 1, 2 })
  ttri(0, 80, 100, 90, 50, 135, 0, 0, 80, 0, 40, 100, 0, -1, 1, 2, 3.5)
  textri(120, 80, 235, 90, 150, 135, 0, 0, 32 + s / 4, 0, 0, 32, false, 4)
  textri(120, 20, 170, 20, 120, 70, 0, 0, 40, 0, 0, 40, true)
  vbank(1) cls(0) circ(50, 50, 20, 7) vbank(0)
  ttri(100, 100, 140, 100, 100, 135, 30, 30, 70, 30, 30, 70, 2, 0)
end
`),
  sound: `-- script: lua
-- One channel sounds at a time, with a triangle wave, so each frame has one clear pitch.
function BOOT()
  for i = 0, 15 do
    local a, b = i < 8 and i * 2 or 30 - i * 2, i < 8 and i * 2 + 1 or 29 - i * 2
    poke4(0xffe4 * 2 + i * 2, a % 16) poke4(0xffe4 * 2 + i * 2 + 1, b % 16)
  end
  for id = 0, 3 do
    local base = 0x100e4 + 66 * id
    for tick = 0, 29 do
      poke(base + tick * 2, tick // 10)
      poke(base + tick * 2 + 1, id == 2 and (tick % 3) or 0)
    end
    poke(base + 60, 4)
    poke(base + 61, id * 2)
  end
  local pattern = 0x11164
  for row = 0, 63, 4 do
    poke(pattern + row * 3, 4 + row % 12)
    poke(pattern + row * 3 + 2, 1 + 4 * 32)
  end
  poke(0x13e64, 1)
end
function TIC()
  local f = time() * 60 // 1000
  if f == 10 then sfx(0, "C-4", 40, 0, 15) end
  if f == 60 then sfx(1, 45, 30, 1, 8, 2) end
  if f == 100 then sfx(2, "A-5", -1, 2, 12, -3) end
  if f == 140 then sfx(-1, nil, nil, 2) end
  if f == 150 then music(0, 0, 0, true) end
  if f == 400 then music() sfx(3, 30, 50, 3, 0/0) sfx(1, 50, 50, 1, 1e10) end
  if f == 460 then sfx(0, 60, 60, 0, 15, 1) end
  if f == 530 then sfx(1, 70, 60, 1.5, 15.9, 2.5) end
  cls(0)
  print(f, 10, 10, 12)
end
`,
};

/**
 * The smallest carts left of seeded random-call carts (random-calls.ts) that once differed from
 * TIC-80, each kept to the call that did.
 */
export const REDUCED_CARTS: Record<string, string> = {
  // ttri floors texture coordinates: u and v just below 0 read texel -1 (wrapped), not texel 0.
  'ttri from the sheet with u, v just below 0 (seed 8)': cart(`
function TIC()
  cls(0)
  ttri(157,105,235,-0.47,144,256,-0.5,-1,23,32,85,26,math.mininteger,4,2.45,1,3)
end
`),
  'ttri from the map with a hostile v (seed 5)': cart(`
function TIC()
  cls(0)
  ttri(164,135,62,9,"0x1f",-2^31-1,260.37,233,-22.22,math.maxinteger,23,-1e10,1,5,2^31,1,-0.64)
end
`),
};
