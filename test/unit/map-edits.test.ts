// The map editor's edits, checked on the map section's bytes: 240x136 cells, row-major, one tile
// id per cell, as the cart stores them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { MAP_BYTES, MAP_COLUMNS, MAP_ROWS } from '../../runner/common/memory-map.js';
import { clearRect, floodFill, readBlock, replaceAll, singleTile, stamp, type TileBlock } from '../../renderer/editors/map/map-edits.js';

const newMap = (): Uint8Array => new Uint8Array(MAP_BYTES);
const cell = (map: Uint8Array, x: number, y: number): number => map[y * MAP_COLUMNS + x];
const setCell = (map: Uint8Array, x: number, y: number, id: number): void => {
  map[y * MAP_COLUMNS + x] = id;
};
/** The cells of a rectangle, one row per array. */
const rows = (map: Uint8Array, x: number, y: number, width: number, height: number): number[][] =>
  Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => cell(map, x + c, y + r)));
const block = (width: number, height: number, ids: number[]): TileBlock => ({ width, height, tiles: Uint8Array.from(ids) });
/** Cells that differ from 0. */
const changedCells = (map: Uint8Array): number => map.reduce((n, id) => n + (id !== 0 ? 1 : 0), 0);

describe('map edits: stamp', () => {
  it('puts the block with its top-left at the cell, row by row', () => {
    const map = newMap();
    stamp(map, 10, 20, block(3, 2, [1, 2, 3, 4, 5, 6]));
    assert.deepEqual(rows(map, 9, 19, 5, 4), [
      [0, 0, 0, 0, 0],
      [0, 1, 2, 3, 0],
      [0, 4, 5, 6, 0],
      [0, 0, 0, 0, 0],
    ]);
    assert.equal(changedCells(map), 6);
  });

  it('drops the parts of the block outside the map instead of wrapping them onto the next row', () => {
    const map = newMap();
    stamp(map, MAP_COLUMNS - 1, MAP_ROWS - 1, block(2, 2, [7, 8, 9, 10]));
    assert.equal(cell(map, MAP_COLUMNS - 1, MAP_ROWS - 1), 7);
    assert.equal(changedCells(map), 1, 'only the corner cell is inside the map');
    stamp(map, -1, 5, block(2, 1, [11, 12]));
    assert.equal(cell(map, 0, 5), 12);
    assert.equal(cell(map, MAP_COLUMNS - 1, 4), 0, 'the cell left of column 0 is not the end of the row above');
    assert.equal(changedCells(map), 2);
  });
});

describe('map edits: floodFill', () => {
  it('fills the region of the clicked tile connected through edges, not through corners', () => {
    const map = newMap();
    // A wall of tile 5 around a 3x3 room at (1..3, 1..3), open only at the corner (4, 4): the room
    // touches the outside there diagonally.
    for (let i = 0; i <= 4; i++) {
      setCell(map, i, 0, 5);
      setCell(map, i, 4, 5);
      setCell(map, 0, i, 5);
      setCell(map, 4, i, 5);
    }
    setCell(map, 4, 4, 0);
    floodFill(map, 2, 2, singleTile(9));
    assert.deepEqual(rows(map, 0, 0, 6, 5), [
      [5, 5, 5, 5, 5, 0],
      [5, 9, 9, 9, 5, 0],
      [5, 9, 9, 9, 5, 0],
      [5, 9, 9, 9, 5, 0],
      [5, 5, 5, 5, 0, 0],
    ]);
    assert.equal(changedCells(map), 15 + 9, 'nothing outside the room changed');
  });

  it('repeats a multi-tile brush from the clicked cell', () => {
    const map = newMap();
    for (let x = 0; x < 6; x++) setCell(map, x, 3, 1);
    floodFill(map, 3, 3, block(2, 1, [7, 8]));
    assert.deepEqual(rows(map, 0, 3, 7, 1), [[8, 7, 8, 7, 8, 7, 0]], 'the pattern starts at the clicked x = 3 and repeats to its left too');
  });

  it('ends when the brush holds the tile being replaced', () => {
    const map = newMap();
    stamp(map, 0, 0, block(3, 1, [4, 4, 4]));
    floodFill(map, 0, 0, block(2, 1, [6, 4]));
    assert.deepEqual(rows(map, 0, 0, 4, 1), [[6, 4, 6, 0]]);
  });

  it('does nothing for a cell outside the map', () => {
    const map = newMap();
    floodFill(map, -1, 0, singleTile(3));
    floodFill(map, 0, MAP_ROWS, singleTile(3));
    assert.equal(changedCells(map), 0);
  });
});

describe('map edits: replaceAll', () => {
  it('replaces the tile everywhere on the map, connected or not, and leaves other tiles', () => {
    const map = newMap();
    setCell(map, 0, 0, 3);
    setCell(map, 200, 100, 3);
    setCell(map, 201, 100, 4);
    replaceAll(map, 0, 0, singleTile(12));
    assert.equal(cell(map, 0, 0), 12);
    assert.equal(cell(map, 200, 100), 12);
    assert.equal(cell(map, 201, 100), 4);
    assert.equal(changedCells(map), 3);
  });
});

describe('map edits: readBlock and clearRect', () => {
  it('copies a selection that stamps back as the same cells', () => {
    const map = newMap();
    stamp(map, 50, 60, block(3, 2, [1, 2, 3, 4, 5, 6]));
    const copied = readBlock(map, { x: 50, y: 60, width: 3, height: 2 });
    assert.deepEqual([copied.width, copied.height, [...copied.tiles]], [3, 2, [1, 2, 3, 4, 5, 6]]);
    stamp(map, 100, 10, copied);
    assert.deepEqual(rows(map, 100, 10, 3, 2), [
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('clears a selection to tile 0 and only that', () => {
    const map = newMap();
    stamp(map, 0, 0, block(4, 4, Array<number>(16).fill(7)));
    clearRect(map, { x: 1, y: 1, width: 2, height: 2 });
    assert.deepEqual(rows(map, 0, 0, 4, 4), [
      [7, 7, 7, 7],
      [7, 0, 0, 7],
      [7, 0, 0, 7],
      [7, 7, 7, 7],
    ]);
  });
});
