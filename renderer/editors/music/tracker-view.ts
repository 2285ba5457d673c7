// The tracker: the rows of the four patterns that the selected frame plays, one column per
// channel, each row showing note, octave, sfx, command and X Y. It draws the cursor and the
// playing row, hides rows past the track's length, and reports clicks on fields and channel
// switches. The row elements are built once; a render only changes the text that changed.
import { el } from '../../dom.js';
import { NOTE_NAMES } from '../sfx/piano-keys.js';
import { CHANNEL_COUNT, COMMAND_LETTERS, FIRST_NOTE, NOTE_OFF, PATTERN_ROWS, patternRow, type PatternRow } from './music-data.js';
import { FIELD_COUNT, type Field } from './tracker-keys.js';

export interface TrackerCursor {
  row: number;
  channel: number;
  field: Field;
}

export interface TrackerModel {
  patterns: Uint8Array;
  /** Pattern id per channel in the selected frame (0: none). */
  ids: readonly number[];
  rows: number;
  cursor: TrackerCursor;
  /** The row the music is playing in this frame, or -1. */
  playingRow: number;
  muted: readonly boolean[];
}

export interface TrackerActions {
  pick(cursor: TrackerCursor): void;
  toggleMute(channel: number): void;
}

const ROWS_PER_BEAT = 4;

export class TrackerView {
  readonly element: HTMLElement;
  readonly #rows: HTMLElement[] = [];
  /** [row][channel][field]. */
  readonly #fields: HTMLSpanElement[][][] = [];
  readonly #channelButtons: HTMLButtonElement[] = [];
  #cursorSpan: HTMLSpanElement | undefined;
  #playingRow = -1;

  constructor(actions: TrackerActions) {
    const header = el('div', 'tracker-row tracker-header', el('span', 'tracker-row-number', ''));
    for (let c = 0; c < CHANNEL_COUNT; c++) {
      const b = el('button', 'sound-button tracker-channel');
      b.type = 'button';
      b.dataset.channel = String(c);
      b.title = `channel ${c + 1}: click to mute or unmute`;
      b.addEventListener('click', () => actions.toggleMute(c));
      this.#channelButtons.push(b);
      header.append(b);
    }
    const body = el('div', 'tracker-body');
    for (let r = 0; r < PATTERN_ROWS; r++) {
      const rowEl = el('div', r % ROWS_PER_BEAT === 0 ? 'tracker-row beat' : 'tracker-row', el('span', 'tracker-row-number', String(r).padStart(2, '0')));
      rowEl.dataset.row = String(r);
      const channels: HTMLSpanElement[][] = [];
      for (let c = 0; c < CHANNEL_COUNT; c++) {
        const cell = el('span', 'tracker-cell');
        cell.dataset.channel = String(c);
        const spans: HTMLSpanElement[] = [];
        for (let f = 0; f < FIELD_COUNT; f++) {
          const span = el('span', `tracker-field field-${f}`);
          span.addEventListener('pointerdown', () => actions.pick({ row: r, channel: c, field: f as Field }));
          spans.push(span);
          cell.append(span);
        }
        channels.push(spans);
        rowEl.append(cell);
      }
      this.#fields.push(channels);
      this.#rows.push(rowEl);
      body.append(rowEl);
    }
    this.element = el('div', 'music-tracker', header, body);
    this.element.tabIndex = 0;
  }

  render(m: TrackerModel): void {
    for (let c = 0; c < CHANNEL_COUNT; c++) {
      const b = this.#channelButtons[c];
      const id = m.ids[c];
      setText(b, `CH${c + 1} ${id === 0 ? '--' : String(id).padStart(2, '0')}`);
      b.setAttribute('aria-pressed', String(!m.muted[c]));
    }
    for (let r = 0; r < PATTERN_ROWS; r++) {
      const rowEl = this.#rows[r];
      rowEl.hidden = r >= m.rows;
      if (rowEl.hidden) continue;
      for (let c = 0; c < CHANNEL_COUNT; c++) {
        const id = m.ids[c];
        const texts = id === 0 ? EMPTY_FIELDS : fieldTexts(patternRow(m.patterns, id, r));
        const spans = this.#fields[r][c];
        for (let f = 0; f < FIELD_COUNT; f++) setText(spans[f], texts[f]);
        spans[0].parentElement?.classList.toggle('no-pattern', id === 0);
      }
    }
    this.#showPlaying(m.playingRow);
    const cursor = this.#fields[m.cursor.row][m.cursor.channel][m.cursor.field];
    if (cursor !== this.#cursorSpan) {
      this.#cursorSpan?.classList.remove('cursor');
      this.#cursorSpan?.closest('.tracker-row')?.classList.remove('cursor-row');
      cursor.classList.add('cursor');
      cursor.closest('.tracker-row')?.classList.add('cursor-row');
      this.#cursorSpan = cursor;
      cursor.scrollIntoView({ block: 'nearest' });
    }
  }

  #showPlaying(row: number): void {
    if (row === this.#playingRow) return;
    this.#rows[this.#playingRow]?.classList.remove('playing');
    this.#rows[row]?.classList.add('playing');
    this.#playingRow = row;
  }
}

/** A channel without a pattern in this frame. */
const EMPTY_FIELDS = ['  ', ' ', ' ', ' ', ' ', ' ', ' '];

function fieldTexts(r: PatternRow): string[] {
  const hasCommand = r.command !== 0 || r.x !== 0 || r.y !== 0;
  const params = hasCommand ? [r.x.toString(16).toUpperCase(), r.y.toString(16).toUpperCase()] : ['-', '-'];
  const command = COMMAND_LETTERS[r.command];
  if (r.note >= FIRST_NOTE) {
    const sfx = String(r.sfx).padStart(2, '0');
    return [NOTE_NAMES[r.note - FIRST_NOTE], String(r.octave + 1), sfx[0], sfx[1], command, ...params];
  }
  const note = r.note === NOTE_OFF ? ['==', '='] : ['--', '-'];
  return [...note, '-', '-', command, ...params];
}

function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}
