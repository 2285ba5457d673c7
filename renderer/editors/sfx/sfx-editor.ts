// The SFX editor (F4; reference 8.3, data layout 6.2): pick one of the 64 samples, draw the
// waveforms and the sample's four envelopes with the mouse, set its loops, speed, octave, note,
// pitch x16, arpeggio direction and stereo sides, and hear it on the piano keys or the play
// button. Every change is one step of the editor's own undo stack; a mouse stroke is one step.
import type { CartSection } from '../../../runner/common/protocol.js';
import { button, el } from '../../dom.js';
import type { EditorHost, EditorTab } from '../editor-host.js';
import { bindUndoKeys } from '../undo-keys.js';
import { UndoStack } from '../undo-stack.js';
import { checkField, numberField, type CheckField, type NumberField } from './fields.js';
import { NOTE_NAMES, isTyping, pianoSemitone } from './piano-keys.js';
import { GRID_HEIGHT, SCOPE_HEIGHT, SfxCanvas, type GridHit, type GridTarget } from './sfx-canvas.js';
import {
  ENVELOPES,
  ENVELOPE_NAMES,
  SAMPLE_COUNT,
  WAVE_COUNT,
  loopOf,
  sampleNoteIndex,
  sampleSettings,
  setEnvelopeLevel,
  setLoop,
  setSampleSettings,
  setWaveLevel,
  type Envelope,
  type SampleSettings,
} from './sfx-data.js';
import { SoundPreview } from './sound-preview.js';
import { TabVisibility } from '../tab-visibility.js';

/** The editors edit bank 0, as TIC-80's free build does. */
const BANK = 0;
/** Previews play on channel 0, as TIC-80's sfx editor does. */
const CHANNEL = 0;

interface Stroke {
  target: GridTarget;
  section: CartSection;
  bytes: Uint8Array;
  column: number;
  level: number;
}

interface LoopFields {
  start: NumberField;
  size: NumberField;
}

export function createSfxEditor(host: EditorHost): EditorTab {
  return new SfxEditor(host);
}

class SfxEditor implements EditorTab {
  readonly id = 'sfx';
  readonly title = 'SFX';
  readonly shortcut = 'F4';
  readonly element: HTMLElement;
  readonly #host: EditorHost;
  readonly #undo: UndoStack;
  readonly #preview: SoundPreview;
  readonly #canvas = new SfxCanvas();
  readonly #sample: NumberField;
  readonly #speed: NumberField;
  readonly #octave: NumberField;
  readonly #note: HTMLSelectElement;
  readonly #pitch16x: CheckField;
  readonly #reverse: CheckField;
  readonly #left: CheckField;
  readonly #right: CheckField;
  readonly #play: HTMLButtonElement;
  readonly #waveButtons: HTMLButtonElement[] = [];
  readonly #loops = new Map<Envelope, LoopFields>();
  #sampleId = 0;
  #waveId = 0;
  #stroke: Stroke | null = null;
  #heldKey: string | null = null;
  #scope: Int16Array | null = null;
  readonly #visibility = new TabVisibility();

  constructor(host: EditorHost) {
    this.#host = host;
    this.#undo = new UndoStack(host);
    this.#preview = new SoundPreview(host);

    this.#sample = numberField('SFX', 0, SAMPLE_COUNT - 1, (id) => this.#selectSample(id), 'sample 0-63');
    this.#speed = numberField('SPD', -4, 3, (speed) => this.#editSettings({ speed }), 'speed -4..3');
    this.#octave = numberField('OCT', 1, 8, (octave) => this.#editSettings({ octave: octave - 1 }), 'octave 1-8');
    this.#note = el('select', 'sound-select');
    NOTE_NAMES.forEach((name, i) => this.#note.append(new Option(name.replace('-', ''), String(i))));
    this.#note.addEventListener('change', () => this.#editSettings({ note: Number(this.#note.value) }));
    this.#pitch16x = checkField('PITCH x16', 'the pitch envelope moves 16 Hz per step', (pitch16x) => this.#editSettings({ pitch16x }));
    this.#reverse = checkField('ARP DOWN', 'the arpeggio goes down instead of up', (reverse) => this.#editSettings({ reverse }));
    this.#left = checkField('L', 'heard on the left', (on) => this.#editSettings({ muteLeft: !on }));
    this.#right = checkField('R', 'heard on the right', (on) => this.#editSettings({ muteRight: !on }));
    this.#play = button('Play', 'sound-button sfx-play', () => this.#togglePlay(), 'play the sample at its note');

    const bar = el(
      'div',
      'sound-bar',
      button('◀', 'sound-button', () => this.#selectSample(this.#sampleId - 1), 'previous sample'),
      this.#sample.element,
      button('▶', 'sound-button', () => this.#selectSample(this.#sampleId + 1), 'next sample'),
      this.#play,
      this.#speed.element,
      this.#octave.element,
      el('label', 'sound-field', el('span', 'sound-field-label', 'NOTE'), this.#note),
      this.#pitch16x.element,
      this.#reverse.element,
      this.#left.element,
      this.#right.element,
    );

    const body = el('div', 'sfx-body', this.#sideColumn(), this.#canvas.element);
    const help = el(
      'p',
      'sound-help',
      "Piano: Z S X D C V G B H N J M (and Q 2 W 3 E R 5 T 6 Y 7 U an octave up) at the sample's octave. Draw in the grids with the mouse. Ctrl+Z / Ctrl+Y undo and redo.",
    );
    this.element = el('div', 'sfx-editor', bar, body, help);
    this.element.tabIndex = 0;
    this.element.dataset.editor = 'sfx';

    this.#bindPointer();
    this.#bindKeys();
    bindUndoKeys(this.element, this.#undo);
    this.#preview.onFrame((samples) => {
      this.#scope = samples;
      this.#draw();
    });
    this.#preview.onStop(() => {
      this.#scope = null;
      this.#play.textContent = 'Play';
      this.element.dataset.playing = 'false';
      this.#draw();
    });
    host.onCartChange(() => this.#refresh());
    this.#refresh();
  }

  shown(): void {
    if (this.#visibility.show()) this.#refresh();
    this.element.focus();
  }

  hidden(): void {
    this.#visibility.hide();
    this.#heldKey = null;
    this.#preview.stopAll();
  }

  /** The labels and loop boxes beside each grid, at the grid's height. */
  #sideColumn(): HTMLElement {
    const side = el('div', 'sfx-side');
    const block = (target: GridTarget | 'scope', height: number, ...children: (Node | string)[]): HTMLElement => {
      const node = el('div', 'sfx-side-block', ...children);
      node.style.top = `${SfxCanvas.regionTop(target)}px`;
      node.style.height = `${height}px`;
      return node;
    };
    const waves = el('div', 'sfx-wave-buttons');
    for (let w = 0; w < WAVE_COUNT; w++) {
      const b = button(w.toString(16).toUpperCase(), 'sound-button sfx-wave-button', () => this.#selectWave(w), `edit waveform ${w}`);
      b.dataset.wave = String(w);
      this.#waveButtons.push(b);
      waves.append(b);
    }
    side.append(block('wave', GRID_HEIGHT, el('div', 'sfx-side-title', 'WAVEFORM'), waves));
    for (const envelope of ENVELOPES) {
      const start = numberField('LOOP', 0, 15, (value) => this.#editLoop(envelope, { start: value }), 'loop start');
      const size = numberField('SIZE', 0, 15, (value) => this.#editLoop(envelope, { size: value }), 'loop size (0: no loop)');
      start.input.dataset.loop = `${envelope}-start`;
      size.input.dataset.loop = `${envelope}-size`;
      this.#loops.set(envelope, { start, size });
      side.append(block(envelope, GRID_HEIGHT, el('div', 'sfx-side-title', ENVELOPE_NAMES[envelope]), start.element, size.element));
    }
    side.append(block('scope', SCOPE_HEIGHT, el('div', 'sfx-side-title', 'OUTPUT')));
    side.style.height = `${SfxCanvas.regionTop('scope') + SCOPE_HEIGHT}px`;
    return side;
  }

  #bindPointer(): void {
    const surface = this.#canvas.element;
    surface.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      const hit = this.#canvas.hit(e.clientX, e.clientY);
      if (!hit) return;
      e.preventDefault();
      this.element.focus();
      surface.setPointerCapture(e.pointerId);
      const section: CartSection = hit.target === 'wave' ? 'waveforms' : 'sfx';
      this.#stroke = { target: hit.target, section, bytes: this.#bytes(section).slice(), column: hit.column, level: hit.level };
      this.#paint(this.#stroke, hit);
    });
    surface.addEventListener('pointermove', (e) => {
      const stroke = this.#stroke;
      if (!stroke) return;
      const hit = this.#canvas.hit(e.clientX, e.clientY, stroke.target);
      if (hit) this.#paint(stroke, hit);
    });
    const end = (): void => {
      const stroke = this.#stroke;
      if (!stroke) return;
      this.#stroke = null;
      this.#undo.apply(BANK, stroke.section, stroke.bytes);
      this.#draw();
    };
    surface.addEventListener('pointerup', end);
    surface.addEventListener('pointercancel', end);
  }

  /** Sets the cells from the stroke's last point to this one, along a straight line, so a fast drag leaves no gaps. */
  #paint(stroke: Stroke, hit: GridHit): void {
    const from = stroke.column;
    const steps = Math.abs(hit.column - from);
    for (let k = 0; k <= steps; k++) {
      const column = steps === 0 ? hit.column : from + Math.sign(hit.column - from) * k;
      const level = steps === 0 ? hit.level : Math.round(stroke.level + ((hit.level - stroke.level) * k) / steps);
      if (stroke.target === 'wave') setWaveLevel(stroke.bytes, this.#waveId, column, level);
      else setEnvelopeLevel(stroke.bytes, this.#sampleId, stroke.target, column, level);
    }
    stroke.column = hit.column;
    stroke.level = hit.level;
    this.#draw();
  }

  #bindKeys(): void {
    this.element.addEventListener('keydown', (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e)) return;
      const semitone = pianoSemitone(e.code);
      if (semitone === null) return;
      e.preventDefault();
      if (e.repeat) return;
      this.#heldKey = e.code;
      this.#startPreview(semitone + 12 * this.#settings().octave);
    });
    this.element.addEventListener('keyup', (e) => {
      if (e.code !== this.#heldKey) return;
      this.#heldKey = null;
      this.#preview.stopSfx(CHANNEL);
    });
    this.element.addEventListener('focusout', (e) => {
      if (this.#heldKey === null || this.element.contains(e.relatedTarget as Node | null)) return;
      this.#heldKey = null;
      this.#preview.stopSfx(CHANNEL);
    });
  }

  #togglePlay(): void {
    if (this.#preview.playing) this.#preview.stopAll();
    else this.#startPreview(sampleNoteIndex(this.#settings()));
  }

  #startPreview(note: number): void {
    this.#preview.sfx(this.#sampleId, note, CHANNEL);
    this.#play.textContent = 'Stop';
    this.element.dataset.playing = 'true';
  }

  #selectSample(id: number): void {
    this.#sampleId = (id + SAMPLE_COUNT) % SAMPLE_COUNT;
    this.#refresh();
  }

  #selectWave(wave: number): void {
    this.#waveId = wave;
    this.#refresh();
  }

  #bytes(section: CartSection): Uint8Array {
    return this.#host.cart().banks[BANK][section];
  }

  #settings(): SampleSettings {
    return sampleSettings(this.#bytes('sfx'), this.#sampleId);
  }

  #edit(section: CartSection, change: (bytes: Uint8Array) => void): void {
    this.#undo.edit(BANK, section, change);
  }

  #editSettings(change: Partial<SampleSettings>): void {
    this.#edit('sfx', (sfx) => setSampleSettings(sfx, this.#sampleId, { ...sampleSettings(sfx, this.#sampleId), ...change }));
  }

  #editLoop(envelope: Envelope, change: { start?: number; size?: number }): void {
    this.#edit('sfx', (sfx) => setLoop(sfx, this.#sampleId, envelope, { ...loopOf(sfx, this.#sampleId, envelope), ...change }));
  }

  /** Shows the cart's values in the controls and redraws; while hidden, only notes that it must. */
  #refresh(): void {
    if (!this.#visibility.due()) return;
    const sfx = this.#bytes('sfx');
    const s = sampleSettings(sfx, this.#sampleId);
    this.#sample.set(this.#sampleId);
    this.#speed.set(s.speed);
    this.#octave.set(s.octave + 1);
    this.#note.value = String(s.note);
    this.#pitch16x.set(s.pitch16x);
    this.#reverse.set(s.reverse);
    this.#left.set(!s.muteLeft);
    this.#right.set(!s.muteRight);
    for (const [envelope, fields] of this.#loops) {
      const loop = loopOf(sfx, this.#sampleId, envelope);
      fields.start.set(loop.start);
      fields.size.set(loop.size);
    }
    this.#waveButtons.forEach((b, w) => b.setAttribute('aria-pressed', String(w === this.#waveId)));
    this.#draw();
  }

  #draw(): void {
    const stroke = this.#stroke;
    this.#canvas.draw({
      waves: stroke?.section === 'waveforms' ? stroke.bytes : this.#bytes('waveforms'),
      sfx: stroke?.section === 'sfx' ? stroke.bytes : this.#bytes('sfx'),
      sampleId: this.#sampleId,
      waveId: this.#waveId,
      steps: ENVELOPES.map((e) => (this.#preview.playing ? this.#preview.sfxStep(CHANNEL, e) : -1)),
      scope: this.#scope,
    });
  }
}
