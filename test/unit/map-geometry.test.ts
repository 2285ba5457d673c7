// The map editor's geometry: what a drag selects, what a fast stroke paints, and how much of a
// pasted or selected rectangle lands on the map.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  SCREEN_COLS,
  SCREEN_ROWS,
  WORLD_COLS,
  WORLD_ROWS,
  cellsOnLine,
  clamp,
  clipToMap,
  rectBetween,
  type Cell,
} from '../../renderer/editors/map/map-geometry.js';

/** True when no two consecutive cells are more than one cell apart on either axis. */
function isConnected(cells: Cell[]): boolean {
  return cells.every((c, i) => i === 0 || (Math.abs(c.x - cells[i - 1].x) <= 1 && Math.abs(c.y - cells[i - 1].y) <= 1));
}

describe('map geometry: the map seen a screen at a time', () => {
  it('shows 30x17 cells per screen and 8x8 screens for the 240x136 map', () => {
    assert.deepEqual([SCREEN_COLS, SCREEN_ROWS, WORLD_COLS, WORLD_ROWS], [30, 17, 8, 8]);
  });
});

describe('map geometry: rectBetween', () => {
  it('selects the same cells whichever corner the drag starts from, both corners included', () => {
    const expected = { x: 3, y: 5, width: 4, height: 2 };
    assert.deepEqual(rectBetween({ x: 3, y: 5 }, { x: 6, y: 6 }), expected);
    assert.deepEqual(rectBetween({ x: 6, y: 6 }, { x: 3, y: 5 }), expected);
    assert.deepEqual(rectBetween({ x: 3, y: 6 }, { x: 6, y: 5 }), expected);
  });

  it('is a single cell when both corners are the same cell', () => {
    assert.deepEqual(rectBetween({ x: 9, y: 9 }, { x: 9, y: 9 }), { x: 9, y: 9, width: 1, height: 1 });
  });
});

describe('map geometry: cellsOnLine', () => {
  it('paints every cell of a horizontal stroke, both ends included', () => {
    assert.deepEqual(
      cellsOnLine({ x: 2, y: 4 }, { x: 6, y: 4 }),
      [2, 3, 4, 5, 6].map((x) => ({ x, y: 4 })),
    );
  });

  it('leaves no gaps in a fast diagonal or steep stroke, in either direction', () => {
    for (const [a, b] of [
      [
        { x: 0, y: 0 },
        { x: 10, y: 3 },
      ],
      [
        { x: 5, y: 20 },
        { x: 7, y: 0 },
      ],
      [
        { x: 12, y: 1 },
        { x: 0, y: 13 },
      ],
    ] as [Cell, Cell][]) {
      const cells = cellsOnLine(a, b);
      assert.deepEqual(cells[0], a);
      assert.deepEqual(cells.at(-1), b);
      assert.equal(cells.length, Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y)) + 1);
      assert.ok(isConnected(cells), `stroke ${JSON.stringify(a)} -> ${JSON.stringify(b)} has a gap: ${JSON.stringify(cells)}`);
    }
  });

  it('is the one cell when the pointer did not move', () => {
    assert.deepEqual(cellsOnLine({ x: 7, y: 8 }, { x: 7, y: 8 }), [{ x: 7, y: 8 }]);
  });
});

describe('map geometry: clipToMap', () => {
  it('keeps a rectangle that lies inside the map as it is', () => {
    assert.deepEqual(clipToMap({ x: 10, y: 20, width: 5, height: 6 }), { x: 10, y: 20, width: 5, height: 6 });
    assert.deepEqual(clipToMap({ x: 0, y: 0, width: 240, height: 136 }), { x: 0, y: 0, width: 240, height: 136 });
  });

  it('cuts the parts past the left, top, right and bottom edges', () => {
    assert.deepEqual(clipToMap({ x: -3, y: -2, width: 5, height: 4 }), { x: 0, y: 0, width: 2, height: 2 });
    assert.deepEqual(clipToMap({ x: 238, y: 134, width: 5, height: 5 }), { x: 238, y: 134, width: 2, height: 2 });
  });

  it('is null for a rectangle wholly off the map', () => {
    assert.equal(clipToMap({ x: 240, y: 0, width: 3, height: 3 }), null);
    assert.equal(clipToMap({ x: 0, y: 136, width: 3, height: 3 }), null);
    assert.equal(clipToMap({ x: -4, y: 5, width: 4, height: 3 }), null);
  });
});

describe('map geometry: clamp', () => {
  it('keeps a value inside [min, max]', () => {
    assert.deepEqual([clamp(-1, 0, 7), clamp(3, 0, 7), clamp(9, 0, 7)], [0, 3, 7]);
  });
});
