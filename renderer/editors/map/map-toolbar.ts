// The map editor's tool row: the four tools with their TIC-80 keys, the grid and world toggles,
// and what lies under the pointer.
import { button, el } from '../../dom.js';

export type MapTool = 'draw' | 'drag' | 'select' | 'fill';

export const MAP_TOOLS: readonly { tool: MapTool; label: string; key: string; hint: string }[] = [
  { tool: 'draw', label: 'Draw', key: '1', hint: 'place the picked tiles' },
  { tool: 'drag', label: 'Drag', key: '2', hint: 'scroll the map (the right button scrolls with any tool)' },
  { tool: 'select', label: 'Select', key: '3', hint: 'select cells; Ctrl+C, Ctrl+X, Ctrl+V, Delete' },
  { tool: 'fill', label: 'Fill', key: '4', hint: 'fill the touching cells of one tile; Ctrl+click replaces that tile in the whole map' },
];

export interface MapToolbarActions {
  setTool(tool: MapTool): void;
  toggleGrid(): void;
  toggleWorld(): void;
}

export interface MapToolbarState {
  tool: MapTool;
  grid: boolean;
  world: boolean;
  /** What the pointer is over, e.g. "x 12 y 5 · tile 3", or '' when it is elsewhere. */
  position: string;
}

export class MapToolbar {
  readonly element: HTMLElement;
  readonly #tools = new Map<MapTool, HTMLButtonElement>();
  readonly #grid: HTMLButtonElement;
  readonly #world: HTMLButtonElement;
  readonly #position: HTMLElement;

  constructor(actions: MapToolbarActions) {
    this.element = el('div', 'map-toolbar');
    for (const { tool, label, key, hint } of MAP_TOOLS) {
      const b = button(`${label} [${key}]`, 'btn btn-small btn-quiet map-tool', () => actions.setTool(tool), `${label} (${key}): ${hint}`);
      b.dataset.tool = tool;
      this.#tools.set(tool, b);
      this.element.append(b);
    }
    this.#grid = button('Grid [`]', 'btn btn-small btn-quiet map-toggle', () => actions.toggleGrid(), 'Show the cell grid (`)');
    this.#grid.dataset.toggle = 'grid';
    this.#world = button('World [Tab]', 'btn btn-small btn-quiet map-toggle', () => actions.toggleWorld(), 'The whole map: click a screen to go there (Tab)');
    this.#world.dataset.toggle = 'world';
    this.#position = el('span', 'map-position');
    this.element.append(el('span', 'map-toolbar-gap'), this.#grid, this.#world, el('span', 'map-toolbar-gap'), this.#position);
  }

  update(state: MapToolbarState): void {
    for (const [tool, b] of this.#tools) b.setAttribute('aria-pressed', String(tool === state.tool));
    this.#grid.setAttribute('aria-pressed', String(state.grid));
    this.#world.setAttribute('aria-pressed', String(state.world));
    this.#position.textContent = state.position;
  }
}
