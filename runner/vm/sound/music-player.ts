// The music sequencer (reference §6.5): once per frame it advances the row clock of the playing
// track, starts the notes of each new row with their commands (M C J S P V D), and steps the 4
// music channels with the chord, vibrato, slide and fine-pitch adjustments. The track, frame, row
// and flags live in RAM (0x13FFC) and are read back every frame, as TIC-80 does.
import { NOTE_FREQS } from './note-freqs.js';
import { SoundChannel } from './sound-channel.js';
import {
  FIRST_NOTE,
  MAX_VOLUME,
  MUSIC_FRAMES,
  MUSIC_TRACKS,
  MusicCommand,
  MusicStatus,
  NOTE_OFF,
  NOTES_PER_OCTAVE,
  SOUND_CHANNELS,
  musicState,
  patternRow,
  patternRowAddr,
  track,
} from './sound-layout.js';

const DEFAULT_SPEED = 6;
/** Rows per minute at tempo 1: 60 frames / 4 rows per beat * 60 seconds. */
const ROWS_PER_MINUTE = 900;
const ROWS_PER_BEAT = 4;
/** Command P stores the fine pitch offset by 128. */
const PITCH_BIAS = 128;

/** 32-step sine in 16.16 fixed point (one period), as the vibrato command uses it. */
const VIBRATO_SINE = Array.from({ length: 32 }, (_, i) => Math.round(Math.sin((i * Math.PI) / 16) * 65536));

interface ChannelCommands {
  chordTick: number;
  chord1: number;
  chord2: number;
  vibratoTick: number;
  vibratoPeriod: number;
  vibratoDepth: number;
  slideTick: number;
  slideNote: number;
  slideDuration: number;
  finePitch: number;
  /** RAM address of a row held back by command D, or -1. */
  delayedRow: number;
  delayTicks: number;
}

const idleCommands = (): ChannelCommands => ({
  chordTick: 0,
  chord1: 0,
  chord2: 0,
  vibratoTick: 0,
  vibratoPeriod: 0,
  vibratoDepth: 0,
  slideTick: 0,
  slideNote: 0,
  slideDuration: 0,
  finePitch: 0,
  delayedRow: -1,
  delayTicks: 0,
});

export class MusicPlayer {
  readonly #channels: SoundChannel[];
  #commands: ChannelCommands[] = [];
  #ticks = 0;
  /** Tempo and speed given to music(); negative means the track's own. */
  #tempo = -1;
  #speed = -1;
  #jump = { active: false, frame: 0, beat: 0 };

  readonly #ram: Uint8Array;
  constructor(ram: Uint8Array) {
    this.#ram = ram;
    this.#channels = Array.from({ length: SOUND_CHANNELS }, () => new SoundChannel(new Int8Array(4)));
    this.#resetChannels();
  }

  /** A freshly reset machine: channels idle, music stopped. */
  reset(): void {
    for (const channel of this.#channels) channel.reset();
    this.stop();
  }

  stop(): void {
    musicState.setTrack(this.#ram, -1);
    musicState.setStatus(this.#ram, MusicStatus.Stop);
    this.#resetChannels();
  }

  /** Starts a track (0..7) as TIC-80's setMusic does; the first row plays at the next tick. */
  start(t: number, frame: number, row: number, loop: boolean, sustain: boolean, tempo: number, speed: number, status: MusicStatus): void {
    const ram = this.#ram;
    musicState.setTrack(ram, t);
    this.#startChannelsAtFullVolume();
    musicState.setRow(ram, -1);
    musicState.setFrame(ram, frame < 0 ? 0 : frame);
    musicState.setFlags(ram, loop, sustain, status);
    this.#tempo = tempo;
    this.#speed = speed;
    this.#ticks = row >= 0 ? this.#rowToTick(t, row) : 0;
  }

  /** One frame of music (TIC-80's processMusic), before the sfx channels. */
  process(): void {
    const ram = this.#ram;
    if (musicState.status(ram) === MusicStatus.Stop) return;
    const t = musicState.track(ram);
    // A poked track number outside 0..7 has no track to play.
    if (t < 0 || t >= MUSIC_TRACKS) return;

    let row = this.#tickToRow(t, this.#ticks);
    if (row !== musicState.row(ram) && this.#jump.active) {
      musicState.setFrame(ram, this.#jump.frame);
      row = this.#jump.beat * ROWS_PER_BEAT;
      this.#ticks = this.#rowToTick(t, row);
      this.#jump = { active: false, frame: 0, beat: 0 };
    }

    if (row >= track.rows(ram, t)) {
      row = 0;
      this.#ticks = 0;
      if (!musicState.sustain(ram)) {
        this.#resetChannels();
        this.#startChannelsAtFullVolume();
      }
      if (!this.#advanceFrame(t)) return;
    }

    if (row !== musicState.row(ram)) {
      musicState.setRow(ram, row);
      this.#playRow(t, row);
    }

    for (let c = 0; c < SOUND_CHANNELS; c++) this.#stepChannel(c);
    this.#ticks++;
  }

  /** At a pattern's end: the next frame, a loop back to frame 0, or the end of the music. */
  #advanceFrame(t: number): boolean {
    const ram = this.#ram;
    const status = musicState.status(ram);
    const loop = musicState.loop(ram);
    if (status === MusicStatus.Play) {
      const frame = musicState.frame(ram) + 1;
      musicState.setFrame(ram, frame);
      const ended = frame >= MUSIC_FRAMES || this.#isEmptyFrame(t, frame);
      if (!ended) return true;
      if (loop) {
        musicState.setFrame(ram, 0);
        return true;
      }
      this.stop();
      return false;
    }
    if (status === MusicStatus.PlayFrame && !loop) {
      this.stop();
      return false;
    }
    return true;
  }

  #isEmptyFrame(t: number, frame: number): boolean {
    for (let c = 0; c < SOUND_CHANNELS; c++) if (track.patternId(this.#ram, t, frame, c) !== 0) return false;
    return true;
  }

  #playRow(t: number, row: number): void {
    const ram = this.#ram;
    const frame = musicState.frame(ram);
    for (let c = 0; c < SOUND_CHANNELS; c++) {
      const id = track.patternId(ram, t, frame, c);
      if (id === 0) continue;
      const commands = this.#commands[c];
      let at = patternRowAddr(id, row);
      // Command D holds the row back; it plays at the first row change after its delay ran out,
      // in place of that row (TIC-80 only looks at held rows on row changes).
      if (patternRow.command(ram, at) === MusicCommand.Delay) {
        commands.delayedRow = at;
        commands.delayTicks = paramXY(ram, at);
        at = -1;
      }
      if (commands.delayedRow >= 0 && commands.delayTicks === 0) {
        at = commands.delayedRow;
        commands.delayedRow = -1;
      }
      if (at >= 0) this.#applyRow(c, at);
    }
  }

  #applyRow(c: number, at: number): void {
    const ram = this.#ram;
    const channel = this.#channels[c];
    const commands = this.#commands[c];
    const note = patternRow.note(ram, at);
    if (note !== 0) {
      commands.slideTick = 0;
      commands.slideNote = channel.note;
    }
    if (note === NOTE_OFF) {
      channel.start(ram, -1, 0, -1, channel.left, channel.right, null);
    } else if (note >= FIRST_NOTE) {
      const index = note - FIRST_NOTE + NOTES_PER_OCTAVE * patternRow.octave(ram, at);
      // Music channels play with infinite duration at the sample's own speed.
      channel.start(ram, patternRow.sfx(ram, at), index, -1, channel.left, channel.right, null);
    }

    const x = patternRow.x(ram, at);
    const y = patternRow.y(ram, at);
    switch (patternRow.command(ram, at)) {
      case MusicCommand.Volume:
        channel.setVolume(x, y);
        break;
      case MusicCommand.Chord:
        commands.chordTick = 0;
        commands.chord1 = x;
        commands.chord2 = y;
        break;
      case MusicCommand.Jump:
        this.#jump = { active: true, frame: x, beat: y };
        break;
      case MusicCommand.Slide:
        commands.slideDuration = paramXY(ram, at);
        break;
      case MusicCommand.Pitch:
        commands.finePitch = paramXY(ram, at) - PITCH_BIAS;
        break;
      case MusicCommand.Vibrato:
        commands.vibratoTick = 0;
        commands.vibratoPeriod = x;
        commands.vibratoDepth = y;
        break;
    }
  }

  #stepChannel(c: number): void {
    const channel = this.#channels[c];
    const commands = this.#commands[c];
    if (channel.index >= 0) {
      let note = channel.note;
      let pitch = 0;
      const chordLength = commands.chord2 === 0 ? 2 : 3;
      note += [0, commands.chord1, commands.chord2][commands.chordTick % chordLength];

      if (commands.vibratoPeriod !== 0 && commands.vibratoDepth !== 0) {
        const period = commands.vibratoPeriod << 1;
        const phase = Math.trunc(((commands.vibratoTick % period) * VIBRATO_SINE.length) / period);
        pitch += (VIBRATO_SINE[phase] * commands.vibratoDepth) >> 16;
      }

      // A slide replaces the note (chord included) by the previous one, bent toward the new one.
      if (commands.slideTick < commands.slideDuration) {
        note = commands.slideNote;
        const span = NOTE_FREQS[channel.note] - NOTE_FREQS[note];
        pitch += Math.trunc((span * commands.slideTick) / commands.slideDuration);
      }

      pitch += commands.finePitch;
      channel.step(this.#ram, c, note, pitch);
    }
    commands.chordTick++;
    commands.vibratoTick++;
    commands.slideTick++;
    if (commands.delayTicks > 0) commands.delayTicks--;
  }

  /** All channels idle with volume 0, all commands and any pending jump cleared. */
  #resetChannels(): void {
    for (const channel of this.#channels) channel.start(this.#ram, -1, 0, -1, 0, 0, null);
    this.#commands = this.#channels.map(idleCommands);
    this.#jump = { active: false, frame: 0, beat: 0 };
  }

  #startChannelsAtFullVolume(): void {
    for (const channel of this.#channels) channel.start(this.#ram, -1, 0, -1, MAX_VOLUME, MAX_VOLUME, null);
  }

  #trackTempo(t: number): number {
    return this.#tempo < 0 ? track.tempo(this.#ram, t) : this.#tempo;
  }

  #trackSpeed(t: number): number {
    return this.#speed < 0 ? track.speed(this.#ram, t) : this.#speed;
  }

  /** row = tick * tempo * 6 / speed / 900, integer divisions left to right. */
  #tickToRow(t: number, tick: number): number {
    const speed = this.#trackSpeed(t);
    if (speed === 0) return 0;
    return Math.trunc(Math.trunc((tick * this.#trackTempo(t) * DEFAULT_SPEED) / speed) / ROWS_PER_MINUTE);
  }

  #rowToTick(t: number, row: number): number {
    const tempo = this.#trackTempo(t);
    if (tempo === 0) return 0;
    return Math.trunc(Math.trunc((row * this.#trackSpeed(t) * ROWS_PER_MINUTE) / tempo) / DEFAULT_SPEED);
  }
}

function paramXY(ram: Uint8Array, at: number): number {
  return (patternRow.x(ram, at) << 4) | patternRow.y(ram, at);
}
