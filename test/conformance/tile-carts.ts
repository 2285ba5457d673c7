// Carts that draw with sprites they make themselves: Lua helpers that fill sheet sprites with poke4,
// so every expected pixel can be read off the cart's own code.

/** Lua: tile(id, f) sets every pixel (x, y) of 4-bpp sheet sprite id (0..511) to f(x, y). */
const TILE = `
local function tile(id, f)
  for y = 0, 7 do for x = 0, 7 do poke4((0x4000 + id * 32) * 2 + y * 8 + x, f(x, y)) end end
end
local function solid(c) return function() return c end end
`;

/** A cart: the helpers, then setup at the top level, then body as TIC(). */
export function tileCart(setup: string, body: string): string {
  return `${TILE}\n${setup}\nfunction TIC()\n${body}\nend\n`;
}
