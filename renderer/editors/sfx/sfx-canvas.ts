// The SFX editor's drawing surface (one pixi canvas): the selected waveform as 32 samples x 16
// levels, the selected sample's four 30-tick envelopes with their loops and the playing step, and
// a scope of the sound being previewed. It maps pointer positions back to (grid, column, level).
// It draws only when told to (on a change, or per preview frame while something plays).
import 'pixi.js/unsafe-eval';
import { Application, Graphics } from 'pixi.js';
import { screenRendererPreference } from '../../renderer-choice.js';
import { ENVELOPES, ENVELOPE_TICKS, Envelope, LEVELS, MAX_LEVEL, WAVE_SAMPLES, envelopeLevel, loopOf, waveLevel } from './sfx-data.js';

export const CELL_WIDTH = 10;
export const CELL_HEIGHT = 5;
export const GRID_HEIGHT = LEVELS * CELL_HEIGHT;
export const GRID_GAP = 12;
export const SCOPE_HEIGHT = 40;
const WIDTH = WAVE_SAMPLES * CELL_WIDTH;

/** What a grid edits: the waveform, or one of the envelopes. */
export type GridTarget = 'wave' | Envelope;

interface Region {
  target: GridTarget | 'scope';
  y: number;
  height: number;
  columns: number;
}

const REGIONS: readonly Region[] = [
  { target: 'wave', y: 0, height: GRID_HEIGHT, columns: WAVE_SAMPLES },
  ...ENVELOPES.map((envelope, i) => ({ target: envelope, y: (i + 1) * (GRID_HEIGHT + GRID_GAP), height: GRID_HEIGHT, columns: ENVELOPE_TICKS })),
  { target: 'scope', y: (ENVELOPES.length + 1) * (GRID_HEIGHT + GRID_GAP), height: SCOPE_HEIGHT, columns: 0 },
];
const HEIGHT = REGIONS[REGIONS.length - 1].y + SCOPE_HEIGHT;

const PANEL = 0x1a1c2c;
const PANEL_ALT = 0x232639;
const LOOP_SHADE = 0x29366f;
const PLAY_MARK = { color: 0xffffff, alpha: 0.2 };
const WAVE_COLOR = 0x41a6f6;
const ENVELOPE_COLORS: Readonly<Record<Envelope, number>> = { 0: 0x73eff7, 1: 0x38b764, 2: 0xffcd75, 3: 0xef7d57 };
const SCOPE_COLOR = 0xa7f070;
/** Each of the chip's 4 channels peaks at a fifth of full scale: magnify so one fills the scope. */
const SCOPE_GAIN = 4;

export interface SfxView {
  waves: Uint8Array;
  sfx: Uint8Array;
  sampleId: number;
  waveId: number;
  /** Per envelope, the step the preview is playing, or -1. */
  steps: readonly number[];
  /** The last previewed frame (interleaved stereo), or null when nothing plays. */
  scope: Int16Array | null;
}

export interface GridHit {
  target: GridTarget;
  column: number;
  level: number;
}

export class SfxCanvas {
  readonly element: HTMLElement;
  readonly #graphics = new Graphics();
  #app: Application | undefined;
  #view: SfxView | undefined;

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'sfx-canvas';
    this.element.style.width = `${WIDTH}px`;
    this.element.style.height = `${HEIGHT}px`;
    void this.#init();
  }

  /** Region offsets, so the controls beside the canvas line up with its grids. */
  static regionTop(target: GridTarget | 'scope'): number {
    return REGIONS.find((r) => r.target === target)?.y ?? 0;
  }

  draw(view: SfxView): void {
    this.#view = view;
    if (this.#app) this.#render(this.#app, view);
  }

  /** The grid cell under a pointer; with `lock`, the position is taken within that grid (a stroke stays in its grid). */
  hit(clientX: number, clientY: number, lock?: GridTarget): GridHit | null {
    const canvas = this.#app?.canvas;
    if (!canvas) return null;
    const rect = canvas.getBoundingClientRect();
    const x = ((clientX - rect.left) * WIDTH) / rect.width;
    const y = ((clientY - rect.top) * HEIGHT) / rect.height;
    const region = lock !== undefined ? REGIONS.find((r) => r.target === lock) : REGIONS.find((r) => r.target !== 'scope' && y >= r.y && y < r.y + r.height);
    if (!region || region.target === 'scope') return null;
    return {
      target: region.target,
      column: clamp(Math.floor(x / CELL_WIDTH), 0, region.columns - 1),
      level: clamp(MAX_LEVEL - Math.floor((y - region.y) / CELL_HEIGHT), 0, MAX_LEVEL),
    };
  }

  async #init(): Promise<void> {
    const app = new Application();
    await app.init({
      width: WIDTH,
      height: HEIGHT,
      background: '#0c0d16',
      antialias: false,
      resolution: 1,
      autoStart: false,
      preference: screenRendererPreference(),
    });
    app.stage.addChild(this.#graphics);
    app.canvas.classList.add('sfx-canvas-surface');
    this.element.append(app.canvas);
    this.#app = app;
    if (this.#view) this.#render(app, this.#view);
  }

  #render(app: Application, view: SfxView): void {
    const g = this.#graphics.clear();
    for (const region of REGIONS) {
      if (region.target === 'scope') drawScope(g, region, view.scope);
      else {
        drawBackground(g, region);
        if (region.target === 'wave') drawWave(g, region, view);
        else drawEnvelope(g, region, region.target, view);
      }
    }
    app.render();
  }
}

function drawBackground(g: Graphics, r: Region): void {
  g.rect(0, r.y, r.columns * CELL_WIDTH, r.height).fill(PANEL);
  // Groups of 4 columns, as trackers shade beats.
  for (let c = 4; c < r.columns; c += 8) g.rect(c * CELL_WIDTH, r.y, Math.min(4, r.columns - c) * CELL_WIDTH, r.height).fill(PANEL_ALT);
}

const levelTop = (r: Region, level: number): number => r.y + (MAX_LEVEL - level) * CELL_HEIGHT;

function drawWave(g: Graphics, r: Region, view: SfxView): void {
  for (let i = 0; i < WAVE_SAMPLES; i++) {
    const level = waveLevel(view.waves, view.waveId, i);
    g.rect(i * CELL_WIDTH + 1, levelTop(r, level), CELL_WIDTH - 2, (level + 1) * CELL_HEIGHT).fill(WAVE_COLOR);
  }
}

function drawEnvelope(g: Graphics, r: Region, envelope: Envelope, view: SfxView): void {
  const loop = loopOf(view.sfx, view.sampleId, envelope);
  if (loop.size > 0) {
    const size = Math.min(loop.size, ENVELOPE_TICKS - loop.start);
    g.rect(loop.start * CELL_WIDTH, r.y, size * CELL_WIDTH, r.height).fill(LOOP_SHADE);
  }
  const step = view.steps[envelope];
  if (step >= 0) g.rect(step * CELL_WIDTH, r.y, CELL_WIDTH, r.height).fill(PLAY_MARK);
  const color = ENVELOPE_COLORS[envelope];
  for (let t = 0; t < ENVELOPE_TICKS; t++) {
    const level = envelopeLevel(view.sfx, view.sampleId, envelope, t);
    const x = t * CELL_WIDTH + 1;
    const w = CELL_WIDTH - 2;
    if (envelope === Envelope.Wave) {
      // A wave index is a choice, not an amount: one cell.
      g.rect(x, levelTop(r, level), w, CELL_HEIGHT).fill(color);
    } else if (envelope === Envelope.Pitch) {
      // Signed: a bar from the zero line (level 8).
      const top = levelTop(r, Math.max(level, 8));
      g.rect(x, top, w, (Math.abs(level - 8) + 1) * CELL_HEIGHT).fill(color);
    } else {
      g.rect(x, levelTop(r, level), w, (level + 1) * CELL_HEIGHT).fill(color);
    }
  }
}

function drawScope(g: Graphics, r: Region, frame: Int16Array | null): void {
  g.rect(0, r.y, WIDTH, r.height).fill(PANEL);
  const middle = r.y + r.height / 2;
  const half = r.height / 2 - 1;
  g.moveTo(0, middle);
  if (frame) {
    const samples = frame.length / 2;
    for (let x = 0; x < WIDTH; x++) {
      const left = frame[2 * Math.floor((x * samples) / WIDTH)];
      g.lineTo(x, middle - clamp((left / 32768) * SCOPE_GAIN, -1, 1) * half);
    }
  } else {
    g.lineTo(WIDTH, middle);
  }
  g.stroke({ width: 1, color: SCOPE_COLOR });
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
