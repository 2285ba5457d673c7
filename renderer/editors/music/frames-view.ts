// The track's 16 frames x 4 channels of pattern ids (0 = no pattern, 1..60). Picking a frame
// shows its patterns in the tracker; typing an id changes the track.
import { el } from '../../dom.js';
import { CHANNEL_COUNT, FRAME_COUNT, PATTERN_COUNT, patternId } from './music-data.js';

export interface FramesModel {
  tracks: Uint8Array;
  track: number;
  frame: number;
  /** The frame the music is playing in this track, or -1. */
  playingFrame: number;
}

export interface FramesActions {
  selectFrame(frame: number): void;
  setPattern(frame: number, channel: number, id: number): void;
}

export class FramesView {
  readonly element: HTMLElement;
  readonly #rows: HTMLElement[] = [];
  readonly #inputs: HTMLInputElement[][] = [];

  constructor(actions: FramesActions) {
    const header = el('div', 'frames-row frames-header', el('span', 'frames-number', 'FRM'));
    for (let c = 0; c < CHANNEL_COUNT; c++) header.append(el('span', 'frames-channel', `CH${c + 1}`));
    this.element = el('div', 'music-frames', header);
    for (let f = 0; f < FRAME_COUNT; f++) {
      const pick = el('button', 'sound-button frames-number', String(f).padStart(2, '0'));
      pick.type = 'button';
      pick.title = `show frame ${f} in the tracker`;
      pick.addEventListener('click', () => actions.selectFrame(f));
      const row = el('div', 'frames-row', pick);
      row.dataset.frame = String(f);
      const inputs: HTMLInputElement[] = [];
      for (let c = 0; c < CHANNEL_COUNT; c++) {
        const input = el('input', 'sound-number frames-pattern');
        input.type = 'number';
        input.min = '0';
        input.max = String(PATTERN_COUNT);
        input.title = `pattern of channel ${c + 1} in frame ${f} (0: none)`;
        input.dataset.channel = String(c);
        input.addEventListener('focus', () => actions.selectFrame(f));
        input.addEventListener('change', () => {
          const typed = Number.parseInt(input.value, 10);
          actions.setPattern(f, c, Number.isNaN(typed) ? 0 : Math.min(PATTERN_COUNT, Math.max(0, typed)));
        });
        inputs.push(input);
        row.append(input);
      }
      this.#inputs.push(inputs);
      this.#rows.push(row);
      this.element.append(row);
    }
  }

  render(m: FramesModel): void {
    for (let f = 0; f < FRAME_COUNT; f++) {
      this.#rows[f].classList.toggle('selected', f === m.frame);
      this.#rows[f].classList.toggle('playing', f === m.playingFrame);
      for (let c = 0; c < CHANNEL_COUNT; c++) {
        const value = String(patternId(m.tracks, m.track, f, c));
        const input = this.#inputs[f][c];
        if (input.value !== value) input.value = value;
      }
    }
  }
}
