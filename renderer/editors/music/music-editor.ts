// The Music editor (F5; reference 8.3, data layout 6.5): 8 tracks with tempo, speed and rows; each
// track's 16 frames x 4 channels of pattern ids; a tracker of the selected frame's patterns, edited
// from the keyboard; play frame (Enter), play track (Space), play from the cursor (Shift+Enter),
// with follow, loop and a mute switch per channel. Every change is one step of its undo stack.
import type { CartSection } from '../../../runner/common/protocol.js';
import { button, el } from '../../dom.js';
import type { EditorHost, EditorTab } from '../editor-host.js';
import { bindUndoKeys } from '../undo-keys.js';
import { UndoStack } from '../undo-stack.js';
import { checkField, numberField, type CheckField, type NumberField } from '../sfx/fields.js';
import { isTyping } from '../sfx/piano-keys.js';
import { SoundPreview } from '../sfx/sound-preview.js';
import { FramesView } from './frames-view.js';
import {
  CHANNEL_COUNT,
  FIRST_NOTE,
  OCTAVES,
  ROWS_RANGE,
  SFX_IDS,
  SPEED_RANGE,
  TEMPO_RANGE,
  TRACK_COUNT,
  patternId,
  patternRow,
  setPatternId,
  setPatternRow,
  setTrackSettings,
  trackSettings,
  type PatternRow,
  type TrackSettings,
} from './music-data.js';
import { FIELD_COUNT, Field, clearField, typeInField, type EntryDefaults } from './tracker-keys.js';
import { TrackerView, type TrackerCursor } from './tracker-view.js';
import { TabVisibility } from '../tab-visibility.js';

/** The editors edit bank 0, as TIC-80's free build does. */
const BANK = 0;
const PAGE_ROWS = 16;
/** How long a note typed into the tracker sounds. */
const NOTE_PREVIEW_FRAMES = 20;

export function createMusicEditor(host: EditorHost): EditorTab {
  return new MusicEditor(host);
}

class MusicEditor implements EditorTab {
  readonly id = 'music';
  readonly title = 'Music';
  readonly shortcut = 'F5';
  readonly element: HTMLElement;
  readonly #host: EditorHost;
  readonly #undo: UndoStack;
  readonly #preview: SoundPreview;
  readonly #frames: FramesView;
  readonly #tracker: TrackerView;
  readonly #trackField: NumberField;
  readonly #tempo: NumberField;
  readonly #speed: NumberField;
  readonly #rows: NumberField;
  readonly #entryOctave: NumberField;
  readonly #entrySfx: NumberField;
  readonly #follow: CheckField;
  readonly #loop: CheckField;
  readonly #muted = new Array<boolean>(CHANNEL_COUNT).fill(false);
  #track = 0;
  #frame = 0;
  #cursor: TrackerCursor = { row: 0, channel: 0, field: Field.Note };
  #entry: EntryDefaults = { octave: 3, sfx: 0 };
  #playing: { frame: number; row: number } | null = null;
  readonly #visibility = new TabVisibility();

  constructor(host: EditorHost) {
    this.#host = host;
    this.#undo = new UndoStack(host);
    this.#preview = new SoundPreview(host);

    this.#trackField = numberField('TRACK', 0, TRACK_COUNT - 1, (t) => this.#selectTrack(t), 'track 0-7');
    this.#tempo = numberField('TEMPO', TEMPO_RANGE.min, TEMPO_RANGE.max, (tempo) => this.#editTrack({ tempo }), 'beats per minute');
    this.#speed = numberField('SPD', SPEED_RANGE.min, SPEED_RANGE.max, (speed) => this.#editTrack({ speed }), 'speed: higher is slower');
    this.#rows = numberField('ROWS', ROWS_RANGE.min, ROWS_RANGE.max, (rows) => this.#editTrack({ rows }), 'rows per pattern');
    this.#entryOctave = numberField(
      'OCT',
      1,
      OCTAVES,
      (octave) => {
        this.#entry.octave = octave - 1;
      },
      'octave of the notes you type',
    );
    this.#entrySfx = numberField(
      'SFX',
      0,
      SFX_IDS - 1,
      (sfx) => {
        this.#entry.sfx = sfx;
      },
      'sfx of the notes you type',
    );
    this.#follow = checkField('FOLLOW', 'the cursor follows the playing row');
    this.#loop = checkField('LOOP', 'the next play starts over at the end of the track (or frame)');
    this.#follow.set(true);
    this.#loop.set(true);

    const bar = el(
      'div',
      'sound-bar',
      this.#trackField.element,
      this.#tempo.element,
      this.#speed.element,
      this.#rows.element,
      button('Play frame', 'sound-button', () => this.#playFrame(), 'play the selected frame (Enter)'),
      button('Play track', 'sound-button', () => this.#playTrack(), 'play the track from its start (Space)'),
      button('Play here', 'sound-button', () => this.#playFromCursor(), 'play from the cursor (Shift+Enter)'),
      button('Stop', 'sound-button', () => this.#preview.stopAll(), 'stop the music'),
      this.#follow.element,
      this.#loop.element,
      this.#entryOctave.element,
      this.#entrySfx.element,
    );
    this.#frames = new FramesView({
      selectFrame: (frame) => this.#selectFrame(frame),
      setPattern: (frame, channel, id) => this.#edit('tracks', (tracks) => setPatternId(tracks, this.#track, frame, channel, id)),
    });
    this.#tracker = new TrackerView({
      pick: (cursor) => {
        this.#cursor = cursor;
        this.#render();
      },
      toggleMute: (channel) => {
        this.#muted[channel] = !this.#muted[channel];
        this.#preview.setMuted(channel, this.#muted[channel]);
        this.#render();
      },
    });
    const help = el(
      'p',
      'sound-help',
      'Tracker: arrows move, Tab changes channel; Z S X D C V G B H N J M (Q 2 W 3 E R 5 T 6 Y 7 U an octave up) type notes, A a note-off, digits the octave and sfx, M C J S P V D a command, 0-F its X Y; Delete clears. Enter plays the frame, Shift+Enter from the cursor, Space the track.',
    );
    this.element = el('div', 'music-editor', bar, el('div', 'music-body', this.#frames.element, this.#tracker.element), help);
    this.element.tabIndex = 0;
    this.element.dataset.editor = 'music';

    this.element.addEventListener('keydown', (e) => this.#onKey(e));
    bindUndoKeys(this.element, this.#undo);
    this.#preview.onFrame(() => this.#followMusic());
    this.#preview.onStop(() => {
      this.#playing = null;
      this.element.dataset.playing = 'false';
      this.#render();
    });
    host.onCartChange(() => this.#render());
    this.#render();
  }

  shown(): void {
    if (this.#visibility.show()) this.#render();
    this.#tracker.element.focus();
  }

  hidden(): void {
    this.#visibility.hide();
    this.#preview.stopAll();
  }

  #bytes(section: CartSection): Uint8Array {
    return this.#host.cart().banks[BANK][section];
  }

  #settings(): TrackSettings {
    return trackSettings(this.#bytes('tracks'), this.#track);
  }

  #ids(): number[] {
    const tracks = this.#bytes('tracks');
    return Array.from({ length: CHANNEL_COUNT }, (_, c) => patternId(tracks, this.#track, this.#frame, c));
  }

  #edit(section: CartSection, change: (bytes: Uint8Array) => void): void {
    this.#undo.edit(BANK, section, change);
  }

  #editTrack(change: Partial<TrackSettings>): void {
    this.#edit('tracks', (tracks) => setTrackSettings(tracks, this.#track, { ...trackSettings(tracks, this.#track), ...change }));
  }

  #selectTrack(track: number): void {
    this.#track = track;
    this.#render();
  }

  #selectFrame(frame: number): void {
    this.#frame = frame;
    this.#render();
  }

  #playFrame(): void {
    this.#startMusic(this.#frame, 0, true);
  }

  #playTrack(): void {
    this.#startMusic(0, 0, false);
  }

  #playFromCursor(): void {
    this.#startMusic(this.#frame, this.#cursor.row, false);
  }

  #startMusic(frame: number, row: number, frameOnly: boolean): void {
    this.#preview.music(this.#track, frame, row, this.#loop.input.checked, frameOnly);
    this.element.dataset.playing = 'true';
  }

  #followMusic(): void {
    const position = this.#preview.musicPosition();
    const playing = position && position.track === this.#track && position.row >= 0 ? { frame: position.frame, row: position.row } : null;
    if (playing?.frame === this.#playing?.frame && playing?.row === this.#playing?.row) return;
    this.#playing = playing;
    if (playing && this.#follow.input.checked) {
      this.#frame = playing.frame;
      this.#cursor = { ...this.#cursor, row: playing.row };
    }
    this.#render();
  }

  #onKey(e: KeyboardEvent): void {
    // Buttons and boxes keep their own Enter and Space.
    if (e.ctrlKey || e.metaKey || e.altKey || e.target instanceof HTMLButtonElement || e.target instanceof HTMLInputElement || isTyping(e)) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      if (e.shiftKey) this.#playFromCursor();
      else this.#playFrame();
      return;
    }
    if (e.key === ' ') {
      e.preventDefault();
      if (this.#preview.playing) this.#preview.stopAll();
      else this.#playTrack();
      return;
    }
    if (!this.#tracker.element.contains(e.target as Node | null)) return;
    if (this.#moveCursor(e)) {
      e.preventDefault();
      this.#render();
      return;
    }
    if (e.repeat) return;
    const id = this.#ids()[this.#cursor.channel];
    if (id === 0) return;
    const row = patternRow(this.#bytes('patterns'), id, this.#cursor.row);
    const field = this.#cursor.field;
    const next = e.key === 'Delete' || e.key === 'Backspace' ? clearField(row, field) : typeInField(row, field, e.code, e.key, this.#entry);
    if (!next) return;
    e.preventDefault();
    this.#edit('patterns', (patterns) => setPatternRow(patterns, id, this.#cursor.row, next));
    this.#remember(next, field);
    if (field === Field.Note && next.note >= FIRST_NOTE && !this.#preview.musicPosition()) {
      this.#preview.sfx(next.sfx, next.note - FIRST_NOTE + 12 * next.octave, this.#cursor.channel, NOTE_PREVIEW_FRAMES);
    }
    this.#cursor = { ...this.#cursor, row: Math.min(this.#cursor.row + 1, this.#settings().rows - 1) };
    this.#render();
  }

  /** Typed octaves and sfx become the ones the next notes get. */
  #remember(row: PatternRow, field: Field): void {
    if (row.note < FIRST_NOTE) return;
    if (field === Field.Octave) this.#entry.octave = row.octave;
    if (field === Field.SfxTens || field === Field.SfxOnes) this.#entry.sfx = row.sfx;
  }

  #moveCursor(e: KeyboardEvent): boolean {
    const last = this.#settings().rows - 1;
    const c = this.#cursor;
    const flat = c.channel * FIELD_COUNT + c.field;
    const flatCount = CHANNEL_COUNT * FIELD_COUNT;
    const at = (row: number, position: number): TrackerCursor => ({
      row: Math.min(last, Math.max(0, row)),
      channel: Math.floor(position / FIELD_COUNT),
      field: (position % FIELD_COUNT) as Field,
    });
    const moves: Record<string, () => TrackerCursor> = {
      ArrowUp: () => at(c.row - 1, flat),
      ArrowDown: () => at(c.row + 1, flat),
      ArrowLeft: () => at(c.row, Math.max(0, flat - 1)),
      ArrowRight: () => at(c.row, Math.min(flatCount - 1, flat + 1)),
      PageUp: () => at(c.row - PAGE_ROWS, flat),
      PageDown: () => at(c.row + PAGE_ROWS, flat),
      Home: () => at(0, flat),
      End: () => at(last, flat),
      Tab: () => at(c.row, ((c.channel + (e.shiftKey ? -1 : 1) + CHANNEL_COUNT) % CHANNEL_COUNT) * FIELD_COUNT),
    };
    const move = moves[e.key];
    if (!move) return false;
    this.#cursor = move();
    return true;
  }

  #render(): void {
    if (!this.#visibility.due()) return;
    const tracks = this.#bytes('tracks');
    const settings = this.#settings();
    if (this.#cursor.row >= settings.rows) this.#cursor = { ...this.#cursor, row: settings.rows - 1 };
    this.#trackField.set(this.#track);
    this.#tempo.set(settings.tempo);
    this.#speed.set(settings.speed);
    this.#rows.set(settings.rows);
    this.#entryOctave.set(this.#entry.octave + 1);
    this.#entrySfx.set(this.#entry.sfx);
    this.#frames.render({ tracks, track: this.#track, frame: this.#frame, playingFrame: this.#playing?.frame ?? -1 });
    this.#tracker.render({
      patterns: this.#bytes('patterns'),
      ids: this.#ids(),
      rows: settings.rows,
      cursor: this.#cursor,
      playingRow: this.#playing && this.#playing.frame === this.#frame ? this.#playing.row : -1,
      muted: this.#muted,
    });
  }
}
